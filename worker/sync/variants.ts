/**
 * A listed product's variants over time. TikTok's SKU list is changed by a
 * partial edit that sends the whole `skus` property: SKUs sent with their id
 * keep it, SKUs sent without one are added (TikTok answers their new ids) and
 * SKUs left out are removed. So a variant sold out at create joins the listing
 * once it is back in stock, a variant added in Shopify joins it the same way,
 * and a variant deleted in Shopify leaves it. An edit may set a stock of 0, so
 * a listed variant that sells out stays listed.
 */
import type { CatalogProduct, CatalogVariant } from "../catalog";
import { listedOptions, maxSkusFor, sellerSkuFor, type SkuContext, skuFor } from "../listing";
import type { SkuInput } from "../tiktok";
import type { SkuMap } from "./push";

export type VariantPlan = {
	/** Variants TikTok already has, sent with their SKU id. */
	keep: { variant: CatalogVariant; skuId: string; sellerSku: string }[];
	/** Variants to add, sent without an id. */
	add: { variant: CatalogVariant; sellerSku: string }[];
	/** Shopify variant ids whose SKU leaves the listing. */
	remove: string[];
};

/** What to change on TikTok, or null when its SKU list already matches the Shopify product. */
export function planVariants(product: CatalogProduct, skus: SkuMap, region: string): VariantPlan | null {
	const listed = (v: CatalogVariant) => skus[v.id]?.skuId;
	const keep = product.variants.filter(listed).map((v) => ({ variant: v, skuId: skus[v.id].skuId!, sellerSku: skus[v.id].sellerSku }));
	let joining = product.variants.filter((v) => !listed(v) && v.inventoryQuantity >= 1);
	// A cut payload does not say which variants are gone.
	const present = new Set(product.variants.map((v) => v.id));
	const remove = product.variantsIncomplete ? [] : Object.keys(skus).filter((id) => skus[id].skuId && !present.has(id));
	// TikTok needs at least one SKU: with every listed variant deleted, the rest join even sold out (an edit allows 0).
	if (keep.length === 0 && joining.length === 0 && remove.length > 0) joining = product.variants.filter((v) => !listed(v));
	// Past TikTok's SKU limit the rest wait (in Shopify's order) for a place to free up.
	joining = joining.slice(0, Math.max(0, maxSkusFor(region) - keep.length));
	if (joining.length === 0 && remove.length === 0) return null;
	const used = new Set(keep.map((k) => k.sellerSku));
	const add = joining.map((variant) => {
		const sellerSku = skus[variant.id]?.sellerSku ?? sellerSkuFor(variant, used);
		used.add(sellerSku);
		return { variant, sellerSku };
	});
	return { keep, add, remove };
}

export function skusBody(product: CatalogProduct, plan: VariantPlan, ctx: SkuContext): SkuInput[] {
	// A lone SKU carries no sales attributes; once there are two, every SKU carries them.
	const options = plan.keep.length + plan.add.length > 1 ? listedOptions(product) : [];
	return [
		...plan.keep.map((k) => ({ id: k.skuId, ...skuFor(k.variant, k.sellerSku, options, ctx) })),
		...plan.add.map((a) => skuFor(a.variant, a.sellerSku, options, ctx)),
	];
}

/**
 * The variant -> SKU map after the edit: TikTok's answer names each SKU by seller
 * SKU. A kept SKU missing from the answer keeps its id; an added one stays without
 * an id, so the next push finds it on TikTok (adoptExisting) instead of adding it again.
 */
export function mapAfter(plan: VariantPlan, answered: { id: string; sellerSku: string }[]): SkuMap {
	const idBySeller = new Map(answered.map((s) => [s.sellerSku, s.id]));
	const kept = plan.keep.map(
		({ variant, sellerSku, skuId }) => [variant.id, { skuId: idBySeller.get(sellerSku) ?? skuId, sellerSku }] as const,
	);
	const added = plan.add.map(({ variant, sellerSku }) => [variant.id, { skuId: idBySeller.get(sellerSku) ?? null, sellerSku }] as const);
	return Object.fromEntries([...kept, ...added]);
}

/** Adds that an earlier, unanswered edit already made (TikTok holds their seller SKUs): adopted, not sent again. */
export function adoptExisting(plan: VariantPlan, remote: { id: string; sellerSku: string }[]): VariantPlan {
	const idBySeller = new Map(remote.map((s) => [s.sellerSku, s.id]));
	const adopted = plan.add.flatMap((a) => {
		const skuId = idBySeller.get(a.sellerSku);
		return skuId ? [{ ...a, skuId }] : [];
	});
	return { keep: [...plan.keep, ...adopted], add: plan.add.filter((a) => !idBySeller.has(a.sellerSku)), remove: plan.remove };
}
