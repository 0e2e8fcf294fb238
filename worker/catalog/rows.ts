/**
 * CatalogProduct -> D1 rows, including the derived search columns that let a
 * template's rules compile to one scan of `products` (templates/rules/sql.ts)
 * and be evaluated in memory the same way (templates/rules/predicate.ts).
 *
 * Search column format (the contract both rule evaluators rely on):
 * - text: `searchText` (lone surrogates made well-formed, control characters
 *   incl. SEP turned into spaces, trimmed, lower-cased with toLowerCase); the
 *   SQL side never lower-cases. Rule conditions go through the same function;
 * - lists (tags, collections, variant titles, SKUs, prices, ...): the non-empty
 *   `searchText` values, each followed by SEP and the whole preceded by SEP:
 *   `\x1fred\x1fblue\x1f`; an empty list is "". No value contains SEP, so
 *   `instr(list, SEP || v || SEP) > 0` means "some element equals v";
 * - numbers in lists use `canonicalNumber`, so "19.90" and "19.9" compare equal;
 *   prices go through `decimalValue` (absent, blank or non-numeric: no value);
 * - min/max aggregate over variants that have a value (null weight is skipped).
 */
import type { products, variants } from "../db/schema";
import type { CatalogProduct } from "./types";

export const SEP = "\u001f";

export function canonicalNumber(value: string | number): string {
	const n = typeof value === "number" ? value : Number(value);
	return Number.isFinite(n) ? String(n) : "";
}

// C0 controls (SEP is one of them) and DEL: never part of searchable text.
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The one normal form of searchable text, for stored values and rule conditions alike. */
export function searchText(value: string | null | undefined): string {
	return (value ?? "").toWellFormed().replace(CONTROL, " ").trim().toLowerCase();
}

export function searchList(values: (string | null | undefined)[]): string {
	const kept = values.map(searchText).filter((v) => v !== "");
	return kept.length ? SEP + kept.join(SEP) + SEP : "";
}

/** A decimal string (a price) as a number; null when absent, blank or not a finite number. */
export function decimalValue(value: string | null | undefined): number | null {
	if (value == null || value.trim() === "") return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
}

/** A stored number (grams, a quantity) or null when absent or not finite. */
export function finiteValue(value: number | null | undefined): number | null {
	return value != null && Number.isFinite(value) ? value : null;
}

const present = <T>(value: T | null): value is T => value !== null;

function minMax(values: number[]): [number | null, number | null] {
	return values.length ? [Math.min(...values), Math.max(...values)] : [null, null];
}

export function toProductRow(shopId: string, p: CatalogProduct, now: number): typeof products.$inferInsert {
	const prices = p.variants.map((v) => decimalValue(v.price)).filter(present);
	const compareAts = p.variants.map((v) => decimalValue(v.compareAtPrice)).filter(present);
	const weights = p.variants.map((v) => finiteValue(v.weightGrams)).filter(present);
	const inventories = p.variants.map((v) => finiteValue(v.inventoryQuantity)).filter(present);
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
		searchTitle: searchText(p.title),
		searchVendor: searchText(p.vendor),
		searchType: searchText(p.productType),
		searchTags: searchList(p.tags),
		searchCategory: searchText(p.categoryId),
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
