/**
 * GET /product/202309/products/{id} and POST /product/202309/products/search.
 * Search: page_size 1-100 (query), page_token, body filters status (default ALL,
 * which leaves out DELETED), seller_skus (at most 10, else 12019027),
 * create_time_ge/le and update_time_ge/le in Unix seconds. Newest first; the
 * filters run in SQL so large catalogues stay cheap to page through.
 * @see https://partner.tiktokshop.com/docv2/page/search-products-202502
 */
import { type Answer, fail, ok } from "../http/envelope.ts";
import type { ApiCall, SellerContext } from "../seller/context.ts";
import { parseJsonObject } from "./create.ts";
import { findProducts, loadProduct } from "./model.ts";
import { renderProduct, renderSearchItem } from "./render.ts";
import { arr, str } from "./validate/checker.ts";

export function getProduct(ctx: SellerContext, call: ApiCall): Answer {
	const p = loadProduct(ctx.sql, call.pathId ?? "");
	if (!p || p.status === "DELETED" || p.status === "FREEZE") return fail(12019150);
	return ok(renderProduct(ctx, p));
}

const MAX_SEARCH_RESULTS = 10_000;

function decodePageToken(token: string): number {
	try {
		const m = /^offset=(\d+)$/.exec(atob(token));
		return m ? Number(m[1]) : -1;
	} catch {
		return -1;
	}
}

export function searchProducts(ctx: SellerContext, call: ApiCall): Answer {
	const pageSize = Number(call.query.page_size);
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return fail(12019109);
	const body = call.body.trim() === "" ? {} : parseJsonObject(call);
	if (!body) return fail(36009004);
	const skus = body.seller_skus === undefined ? undefined : arr(body.seller_skus)?.map(String);
	if (body.seller_skus !== undefined && !skus) return fail(36009004);
	if (skus && skus.length > 10) return fail(12019027);
	const seconds = (key: string) => (typeof body[key] === "number" ? (body[key] as number) : undefined);
	const ms = (key: string, end: boolean) => {
		const value = seconds(key);
		return value === undefined ? undefined : value * 1000 + (end ? 999 : 0);
	};
	const offset = call.query.page_token ? decodePageToken(call.query.page_token) : 0;
	if (!Number.isInteger(offset) || offset < 0) return fail(36009004);
	if (offset + pageSize > MAX_SEARCH_RESULTS) return fail(12052180);
	const { rows, total } = findProducts(
		ctx.sql,
		{
			status: str(body.status) ?? "ALL",
			sellerSkus: skus,
			createdFrom: ms("create_time_ge", false),
			createdTo: ms("create_time_le", true),
			updatedFrom: ms("update_time_ge", false),
			updatedTo: ms("update_time_le", true),
		},
		pageSize,
		offset,
	);
	const next = offset + pageSize < total ? btoa(`offset=${offset + pageSize}`) : "";
	return ok({ products: rows.map((p) => renderSearchItem(ctx, p)), total_count: total, next_page_token: next });
}
