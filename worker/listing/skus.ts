/**
 * Shopify variants -> TikTok SKUs. Up to 3 Shopify options become sales
 * attributes, mapped onto the category's built-in sales properties when the
 * names match (Color/Colour, Size, or the same name) and custom ones otherwise.
 * Every SKU gets a seller SKU: Shopify's when TikTok accepts it (1-50 chars, no
 * spaces, unique in the product), else a stable generated one from the variant id.
 * A product listed with one SKU carries no sales attributes, as TikTok asks.
 * Sold-out variants are left out of a create (TikTok wants 1..99,999 units per
 * SKU on create); the product fails only when nothing is in stock. They join
 * the listing later, when restocked (sync/variants.ts).
 */
import type { CatalogProduct, CatalogVariant } from "../catalog";
import type { CategoryAttribute, SalesAttribute, SkuInput } from "../tiktok";
import type { Problem } from "./problems";

const MAX_SKUS_LARGE = 300;
const LARGE_SKU_REGIONS = new Set(["US", "GB", "UK", "DE", "FR", "IT", "ES", "IE", "JP", "BR", "MX"]);
const MAX_QUANTITY = 99_999;

export type SkuContext = { region: string; currency: string; warehouseId: string; salesAttributes: CategoryAttribute[] };

export function generatedSellerSku(variantId: string): string {
	return `SHP-${variantId}`;
}

function isValidSellerSku(sku: string | null): sku is string {
	return !!sku && sku.length <= 50 && !/\s/.test(sku);
}

/** Shopify's placeholder option for single-variant products carries nothing worth listing. */
export function listedOptions(product: CatalogProduct): string[] {
	const names = product.options.map((o) => o.name);
	const isDefault = names.length === 1 && names[0] === "Title" && product.variants.every((v) => v.option1 === "Default Title");
	return isDefault ? [] : names;
}

function builtInFor(name: string, attributes: CategoryAttribute[]): CategoryAttribute | undefined {
	const wanted = name.trim().toLowerCase();
	const alias = /^colou?r$/.test(wanted) ? /^colou?r$/ : wanted === "size" ? /^size$/ : null;
	return attributes.find(
		(a) => a.type === "SALES_PROPERTY" && (alias ? alias.test(a.name.trim().toLowerCase()) : a.name.trim().toLowerCase() === wanted),
	);
}

function salesAttribute(optionName: string, value: string, attributes: CategoryAttribute[]): SalesAttribute {
	const builtIn = builtInFor(optionName, attributes);
	const valueName = value.slice(0, 50);
	if (!builtIn) return { name: optionName.slice(0, 20), value_name: valueName };
	const known = builtIn.values?.find((v) => v.name.trim().toLowerCase() === value.trim().toLowerCase());
	return known ? { id: builtIn.id, value_id: known.id } : { id: builtIn.id, value_name: valueName };
}

const optionValue = (variant: CatalogVariant, index: number) => [variant.option1, variant.option2, variant.option3][index] ?? "";

/** Shopify's SKU when TikTok accepts it and no other SKU of the product uses it, else one generated from the variant id. */
export function sellerSkuFor(variant: CatalogVariant, used: Set<string>): string {
	return isValidSellerSku(variant.sku) && !used.has(variant.sku) ? variant.sku : generatedSellerSku(variant.id);
}

/** One variant as a TikTok SKU (stock capped at TikTok's maximum; the caller decides which variants are sent, and passes no options for a lone SKU). */
export function skuFor(variant: CatalogVariant, sellerSku: string, options: string[], ctx: SkuContext): SkuInput {
	const sku: SkuInput = {
		seller_sku: sellerSku,
		external_sku_id: variant.gid,
		price: { amount: variant.price, currency: ctx.currency },
		inventory: [{ warehouse_id: ctx.warehouseId, quantity: Math.max(0, Math.min(MAX_QUANTITY, variant.inventoryQuantity)) }],
	};
	const compareAt = Number(variant.compareAtPrice);
	if (ctx.region === "US" && variant.compareAtPrice && compareAt > Number(variant.price) && compareAt <= 7600) {
		sku.list_price = { amount: variant.compareAtPrice, currency: ctx.currency };
	}
	if (options.length > 0) {
		sku.sales_attributes = options
			.slice(0, 3)
			.map((name, i) => salesAttribute(name, optionValue(variant, i) || "Default", ctx.salesAttributes));
	}
	return sku;
}

/** How many SKUs one TikTok product may have in the region. */
export const maxSkusFor = (region: string) => (LARGE_SKU_REGIONS.has(region) ? MAX_SKUS_LARGE : 100);

export type SkuResult =
	| { ok: true; skus: SkuInput[]; sellerSkus: Record<string, string>; skipped: string[] }
	| { ok: false; problems: Problem[] };

export function buildSkus(product: CatalogProduct, ctx: SkuContext): SkuResult {
	const options = listedOptions(product);
	const problems: Problem[] = [];
	if (options.length > 3) {
		problems.push({
			code: "TOO_MANY_OPTIONS",
			message: `This product has ${options.length} options; TikTok allows 3.`,
			fix: "Combine options in Shopify so the product has at most 3.",
		});
	}
	const inStock = product.variants.filter((v) => v.inventoryQuantity >= 1);
	if (inStock.length === 0) {
		problems.push({ code: "OUT_OF_STOCK", message: "No variant of this product is in stock in Shopify.", fix: "Add stock in Shopify." });
	}
	const maxSkus = maxSkusFor(ctx.region);
	if (inStock.length > maxSkus) {
		problems.push({
			code: "TOO_MANY_VARIANTS",
			message: `This product has ${inStock.length} variants in stock; TikTok allows ${maxSkus} here.`,
			fix: "Split the product in Shopify.",
		});
	}
	for (const v of product.variants) {
		if (!(Number(v.price) > 0)) {
			problems.push({
				code: "NO_PRICE",
				message: `Variant "${v.title ?? v.id}" has no price.`,
				fix: "Set a price greater than zero in Shopify.",
			});
			break;
		}
	}
	if (problems.length) return { ok: false, problems };

	const used = new Set<string>();
	const sellerSkus: Record<string, string> = {};
	const skus = inStock.map((variant): SkuInput => {
		const sellerSku = sellerSkuFor(variant, used);
		used.add(sellerSku);
		sellerSkus[variant.id] = sellerSku;
		// TikTok: omit sales_attributes for a single SKU (tiktok-shop-api.md §5, create body).
		return skuFor(variant, sellerSku, inStock.length > 1 ? options : [], ctx);
	});
	const skipped = product.variants.filter((v) => v.inventoryQuantity < 1).map((v) => v.id);
	return { ok: true, skus, sellerSkus, skipped };
}
