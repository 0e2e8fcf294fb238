/**
 * CatalogProduct -> D1 rows, including the derived search columns that let a
 * template's rules compile to one scan of `products` (templates/rules/sql.ts)
 * and be evaluated in memory the same way (templates/rules/predicate.ts).
 *
 * Search column format (the contract both rule evaluators rely on):
 * - text: lower-cased with String.prototype.toLowerCase (the SQL side never lower-cases);
 * - lists (tags, collections, variant titles, SKUs, prices, ...): the non-empty
 *   lower-cased values, each followed by SEP and the whole preceded by SEP:
 *   `\x1fred\x1fblue\x1f`; an empty list is "". A rule value never contains SEP,
 *   so `instr(list, SEP || v || SEP) > 0` means "some element equals v";
 * - numbers in lists use `canonicalNumber`, so "19.90" and "19.9" compare equal;
 * - min/max aggregate over variants that have a value (null weight is skipped).
 */
import type { products, variants } from "../db/schema";
import type { CatalogProduct } from "./types";

export const SEP = "\u001f";

export function canonicalNumber(value: string | number): string {
	const n = typeof value === "number" ? value : Number(value);
	return Number.isFinite(n) ? String(n) : "";
}

export function searchList(values: (string | null | undefined)[]): string {
	const kept = values.map((v) => (v ?? "").trim().toLowerCase()).filter((v) => v !== "" && !v.includes(SEP));
	return kept.length ? SEP + kept.join(SEP) + SEP : "";
}

const lower = (value: string | null | undefined) => (value ?? "").trim().toLowerCase();

function minMax(values: number[]): [number | null, number | null] {
	return values.length ? [Math.min(...values), Math.max(...values)] : [null, null];
}

export function toProductRow(shopId: string, p: CatalogProduct, now: number): typeof products.$inferInsert {
	const prices = p.variants.map((v) => Number(v.price)).filter(Number.isFinite);
	const compareAts = p.variants.map((v) => (v.compareAtPrice == null ? Number.NaN : Number(v.compareAtPrice))).filter(Number.isFinite);
	const weights = p.variants.map((v) => v.weightGrams).filter((w): w is number => w != null && Number.isFinite(w));
	const inventories = p.variants.map((v) => v.inventoryQuantity);
	const [priceMin, priceMax] = minMax(prices);
	const [compareAtMin, compareAtMax] = minMax(compareAts);
	const [weightMinG, weightMaxG] = minMax(weights);
	const [inventoryMin, inventoryMax] = minMax(inventories);
	return {
		shopId,
		id: p.id,
		gid: p.gid,
		title: p.title,
		bodyHtml: p.bodyHtml,
		vendor: p.vendor,
		productType: p.productType,
		handle: p.handle,
		status: p.status.toLowerCase(),
		tags: JSON.stringify(p.tags),
		categoryId: p.categoryId,
		categoryName: p.categoryName,
		categoryFullName: p.categoryFullName,
		collectionIds: JSON.stringify(p.collectionIds),
		options: JSON.stringify(p.options),
		images: JSON.stringify(p.images),
		shopifyUpdatedAt: p.shopifyUpdatedAt,
		searchTitle: lower(p.title),
		searchVendor: lower(p.vendor),
		searchType: lower(p.productType),
		searchTags: searchList(p.tags),
		searchCategory: lower(p.categoryId),
		searchCollections: searchList(p.collectionIds),
		searchVariantTitles: searchList(p.variants.map((v) => v.title)),
		searchVariantSkus: searchList(p.variants.map((v) => v.sku)),
		searchPrices: searchList(prices.map(canonicalNumber)),
		searchCompareAtPrices: searchList(compareAts.map(canonicalNumber)),
		searchWeights: searchList(weights.map(canonicalNumber)),
		searchInventories: searchList(inventories.map(canonicalNumber)),
		variantCount: p.variants.length,
		priceMin,
		priceMax,
		compareAtMin,
		compareAtMax,
		weightMinG,
		weightMaxG,
		inventoryMin,
		inventoryMax,
		inventoryTotal: inventories.reduce((a, b) => a + b, 0),
		variantsIncomplete: p.variantsIncomplete ?? false,
		deletedAt: null,
		createdAt: now,
		updatedAt: now,
	};
}

export function toVariantRows(shopId: string, p: CatalogProduct, now: number): (typeof variants.$inferInsert)[] {
	return p.variants.map((v) => ({
		shopId,
		productId: p.id,
		id: v.id,
		gid: v.gid,
		title: v.title,
		sku: v.sku,
		barcode: v.barcode,
		price: v.price,
		compareAtPrice: v.compareAtPrice,
		inventoryQuantity: v.inventoryQuantity,
		inventoryItemId: v.inventoryItemId,
		weightGrams: v.weightGrams,
		weightValue: v.weightValue,
		weightUnit: v.weightUnit,
		option1: v.option1,
		option2: v.option2,
		option3: v.option3,
		position: v.position,
		imageSrc: v.imageSrc,
		createdAt: now,
		updatedAt: now,
	}));
}
