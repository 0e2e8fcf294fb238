/**
 * After the first sync: Shopify changes of a listed product reach TikTok.
 * Prices and inventory are pushed whenever they change (TikTok does not re-audit
 * them); content (title, description, images, attributes) only when the shop's
 * setting says so, through partial edit (re-audited); an archived, draft or
 * deleted Shopify product is deactivated on TikTok. Variants that join or leave
 * the listing go through sync/variants.ts first.
 */
import type { CatalogProduct } from "../catalog";
import type { ProductSync } from "../db/schema";
import type { ListingBody } from "../tiktok";
import type { SkuInventory, SkuPrice } from "../tiktok";

export type SkuMap = Record<string, { skuId: string | null; sellerSku: string }>;

const MAX_QUANTITY = 99_999;

export function skuMap(row: Pick<ProductSync, "tiktokSkus">): SkuMap {
	return row.tiktokSkus ? (JSON.parse(row.tiktokSkus) as SkuMap) : {};
}

export function pricesFor(product: CatalogProduct, skus: SkuMap, currency: string, region: string): SkuPrice[] {
	return product.variants.flatMap((v) => {
		const skuId = skus[v.id]?.skuId;
		if (!skuId) return [];
		const listPrice = region === "US" && v.compareAtPrice && Number(v.compareAtPrice) > Number(v.price) ? v.compareAtPrice : undefined;
		return [{ skuId, amount: v.price, currency, listPrice }];
	});
}

export function inventoryFor(product: CatalogProduct, skus: SkuMap, warehouseId: string): SkuInventory[] {
	return product.variants.flatMap((v) => {
		const skuId = skus[v.id]?.skuId;
		return skuId ? [{ skuId, warehouseId, quantity: Math.max(0, Math.min(MAX_QUANTITY, v.inventoryQuantity)) }] : [];
	});
}

/** The top-level objects a content push sends (partial edit replaces each whole). */
export function contentPatch(body: ListingBody): Partial<ListingBody> {
	const { title, description, main_images, product_attributes, package_weight, package_dimensions } = body;
	return { title, description, main_images, product_attributes, package_weight, package_dimensions };
}
