/**
 * Product lifecycle calls: create (with `idempotency_key` + `external_product_id`, the two
 * duplicate guards), listing check (a dry run that costs no quota), get, search, edit and
 * partial edit. `category_version` is filled in as v2 for US shops when absent.
 * @see https://partner.tiktokshop.com/docv2/page/create-product-202309
 * @see https://partner.tiktokshop.com/docv2/page/search-products-202309
 */
import { localError, type TikTokResult } from "../errors";
import { sendTikTok } from "../transport";
import { type CallContext, categoryVersion } from "./context";
import type { CreateProductBody, EditProductBody, PartialEditProductBody, ProductBody } from "./product-body";
import { CreatedProduct, EditedProduct, ListingCheck, Product, type ProductSummary, SearchResult } from "./product-schemas";

const BASE = "/product/202309/products";
/** TikTok refuses more with 12019027. */
export const MAX_SELLER_SKUS_PER_SEARCH = 10;

function withVersion<T extends Partial<ProductBody>>(ctx: CallContext, body: T): T {
	const version = categoryVersion(ctx, body.category_version);
	return body.category_id !== undefined && version ? { ...body, category_version: version } : body;
}

/** Retried on transient failures because the idempotency key makes a repeat safe; a final timeout is `ambiguous`. */
export function createProduct(ctx: CallContext, body: CreateProductBody) {
	return sendTikTok(ctx.app, ctx.session, { method: "POST", path: BASE, json: withVersion(ctx, body), schema: CreatedProduct });
}

export function checkListing(ctx: CallContext, body: ProductBody) {
	return sendTikTok(ctx.app, ctx.session, {
		method: "POST",
		path: `${BASE}/listing_check`,
		json: withVersion(ctx, body),
		schema: ListingCheck,
		readOnly: true,
	});
}

export function getProduct(ctx: CallContext, productId: string, options: { returnUnderReviewVersion?: boolean; locale?: string } = {}) {
	const query = { return_under_review_version: options.returnUnderReviewVersion, locale: options.locale };
	return sendTikTok(ctx.app, ctx.session, { method: "GET", path: `${BASE}/${encodeURIComponent(productId)}`, query, schema: Product });
}

export type ProductSearch = {
	/** At most 10. */
	sellerSkus?: string[];
	/** ALL, or one status (DRAFT, PENDING, FAILED, ACTIVATE, …). */
	status?: string;
	createTimeGe?: number;
	createTimeLe?: number;
	updateTimeGe?: number;
	updateTimeLe?: number;
	/** 1–100; default 100. */
	pageSize?: number;
	pageToken?: string;
};

export async function searchProducts(ctx: CallContext, search: ProductSearch = {}) {
	const path = `${BASE}/search`;
	if ((search.sellerSkus?.length ?? 0) > MAX_SELLER_SKUS_PER_SEARCH) {
		return {
			ok: false as const,
			error: localError(
				"permanent",
				`At most ${MAX_SELLER_SKUS_PER_SEARCH} seller SKUs per search (got ${search.sellerSkus?.length}).`,
				path,
				{ code: 12019027 },
			),
		};
	}
	const json = {
		status: search.status,
		seller_skus: search.sellerSkus,
		create_time_ge: search.createTimeGe,
		create_time_le: search.createTimeLe,
		update_time_ge: search.updateTimeGe,
		update_time_le: search.updateTimeLe,
	};
	const query = { page_size: search.pageSize ?? 100, page_token: search.pageToken, category_version: categoryVersion(ctx) };
	return sendTikTok(ctx.app, ctx.session, { method: "POST", path, query, json, schema: SearchResult, readOnly: true });
}

/** Products holding any of the given seller SKUs: searches in chunks of 10, at most 5 pages each, deduplicated. */
export async function findProductsBySellerSkus(ctx: CallContext, sellerSkus: string[]): Promise<TikTokResult<ProductSummary[]>> {
	const found = new Map<string, ProductSummary>();
	let requestId: string | null = null;
	for (let i = 0; i < sellerSkus.length; i += MAX_SELLER_SKUS_PER_SEARCH) {
		let pageToken: string | undefined;
		for (let page = 0; page < 5; page++) {
			const result = await searchProducts(ctx, {
				sellerSkus: sellerSkus.slice(i, i + MAX_SELLER_SKUS_PER_SEARCH),
				status: "ALL",
				pageToken,
			});
			if (!result.ok) return result;
			requestId = result.requestId;
			for (const product of result.data.products) found.set(product.id, product);
			pageToken = result.data.next_page_token || undefined;
			if (!pageToken) break;
		}
	}
	return { ok: true, data: [...found.values()], requestId };
}

export function editProduct(ctx: CallContext, productId: string, body: EditProductBody) {
	return sendTikTok(ctx.app, ctx.session, {
		method: "PUT",
		path: `${BASE}/${encodeURIComponent(productId)}`,
		json: withVersion(ctx, body),
		schema: EditedProduct,
	});
}

export function partialEditProduct(ctx: CallContext, productId: string, body: PartialEditProductBody) {
	return sendTikTok(ctx.app, ctx.session, {
		method: "POST",
		path: `${BASE}/${encodeURIComponent(productId)}/partial_edit`,
		json: withVersion(ctx, body),
		schema: EditedProduct,
	});
}
