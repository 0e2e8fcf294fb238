/**
 * Price and stock updates (no re-audit, no quota) and bulk status changes (≤20 ids per call).
 * @see https://partner.tiktokshop.com/docv2/page/update-price-202309
 * @see https://partner.tiktokshop.com/docv2/page/update-inventory-202309
 */
import { localError } from "../errors";
import { sendTikTok } from "../transport";
import { type CallContext, Empty } from "./context";
import { BulkResult } from "./product-schemas";

const BASE = "/product/202309/products";
export const MAX_PRODUCTS_PER_BULK_CALL = 20;

export type PriceUpdate = { id: string; price: { amount: string; currency: string }; list_price?: { amount: string; currency: string } };
/** Every warehouse assigned to the SKU must be listed; quantity 0–99,999. */
export type InventoryUpdate = { id: string; inventory: { warehouse_id: string; quantity: number }[] };

/** Setting a price or a quantity twice leaves the same state, so these are retried like reads. */
export function updatePrices(ctx: CallContext, productId: string, skus: PriceUpdate[]) {
	return sendTikTok(ctx.app, ctx.session, {
		method: "POST",
		path: `${BASE}/${encodeURIComponent(productId)}/prices/update`,
		json: { skus },
		schema: Empty,
		idempotent: true,
	});
}

export function updateInventory(ctx: CallContext, productId: string, skus: InventoryUpdate[]) {
	return sendTikTok(ctx.app, ctx.session, {
		method: "POST",
		path: `${BASE}/${encodeURIComponent(productId)}/inventory/update`,
		json: { skus },
		schema: Empty,
		idempotent: true,
	});
}

async function bulk(ctx: CallContext, method: "POST" | "DELETE", path: string, productIds: string[]) {
	if (productIds.length === 0 || productIds.length > MAX_PRODUCTS_PER_BULK_CALL) {
		return {
			ok: false as const,
			error: localError("permanent", `Send 1 to ${MAX_PRODUCTS_PER_BULK_CALL} product ids per call (got ${productIds.length}).`, path),
		};
	}
	// Not retried automatically: a repeat after a lost answer reports per-item errors for products already changed.
	return sendTikTok(ctx.app, ctx.session, { method, path, json: { product_ids: productIds }, schema: BulkResult });
}

export const activateProducts = (ctx: CallContext, productIds: string[]) => bulk(ctx, "POST", `${BASE}/activate`, productIds);
export const deactivateProducts = (ctx: CallContext, productIds: string[]) => bulk(ctx, "POST", `${BASE}/deactivate`, productIds);
export const deleteProducts = (ctx: CallContext, productIds: string[]) => bulk(ctx, "DELETE", BASE, productIds);
