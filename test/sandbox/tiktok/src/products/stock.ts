/**
 * POST .../products/{id}/prices/update and .../inventory/update. Neither goes
 * through review nor uses the listing quota. Inventory may be 0 here; every SKU
 * id must belong to the product.
 * @see https://partner.tiktokshop.com/docv2/page/update-price-202309
 * @see https://partner.tiktokshop.com/docv2/page/update-inventory-202309
 */
import { type Answer, fail, ok } from "../http/envelope.ts";
import type { ApiCall, SellerContext } from "../seller/context.ts";
import { parseJsonObject } from "./create.ts";
import { type ProductRow, loadProduct, saveProduct } from "./model.ts";
import { Checker, arr, obj, str } from "./validate/checker.ts";
import { checkInventory, checkPrice } from "./validate/skus.ts";

type Update = (ctx: SellerContext, c: Checker, p: ProductRow, skuId: string, item: Record<string, unknown>) => void;

function updateSkus(ctx: SellerContext, call: ApiCall, apply: Update): Answer {
	const body = parseJsonObject(call);
	const items = arr(body?.skus)?.map((i) => obj(i) ?? {});
	if (!items || items.length === 0) return fail(36009004);
	const p = loadProduct(ctx.sql, call.pathId ?? "");
	if (!p) return fail(12052048);
	if (p.status === "DELETED" || p.status === "FREEZE") return fail(12019113);
	const ids = items.map((i) => str(i.id) ?? "");
	if (new Set(ids).size !== ids.length) return fail(12052553);
	const c = new Checker();
	for (const [i, item] of items.entries()) {
		if (!p.doc.skus.some((s) => s.id === ids[i])) return fail(12052557);
		apply(ctx, c, p, ids[i], item);
		if (!c.ok) return fail(c.failures[0].code, c.failures[0].message);
	}
	p.update_time = ctx.nowMs;
	saveProduct(ctx.sql, p);
	return ok({});
}

export function updatePrices(ctx: SellerContext, call: ApiCall): Answer {
	return updateSkus(ctx, call, (ctx, c, p, skuId, item) => {
		const price = checkPrice(ctx, c, obj(item.price));
		const listPrice = obj(item.list_price);
		if (!price) return;
		if (listPrice && !(Number(str(listPrice.amount)) >= Number(price.amount))) return c.fail(12052375);
		const sku = p.doc.skus.find((s) => s.id === skuId)!;
		sku.price = price;
		if (listPrice) sku.list_price = { amount: str(listPrice.amount) ?? "", currency: str(listPrice.currency) ?? price.currency };
	});
}

export function updateInventory(ctx: SellerContext, call: ApiCall): Answer {
	return updateSkus(ctx, call, (ctx, c, p, skuId, item) => {
		const inventory = checkInventory(ctx, c, arr(item.inventory), 0);
		if (c.ok) p.doc.skus.find((s) => s.id === skuId)!.inventory = inventory;
	});
}
