/**
 * The ListingPort over the TikTok client: a thin mapping of calls and of the
 * client's error taxonomy onto the few failure kinds the sync engine acts on
 * (retry, wait for quota, adopt a duplicate, or fail with TikTok's reason).
 */
import type { TikTokClient } from "../tiktok/client";
import type { TikTokError, TikTokResult } from "../tiktok/errors";
import type { ListingBody } from "../tiktok/api/product-body";
import type { CategoryAttribute, CategoryRules } from "../listing/category-spec";
import type { ListingPort, PortFailure, PortFailureKind, PortResult, RemoteProduct } from "./port";

function kindOf(error: TikTokError): PortFailureKind {
	switch (error.kind) {
		case "rate_limited":
		case "quota_exhausted":
		case "timeout":
		case "transient":
		case "duplicate_external_id":
			return error.kind;
		case "bad_response":
			return "transient";
		case "auth":
		case "auth_expired":
		case "invalid_signature":
			return "auth";
		default:
			return "permanent";
	}
}

export function toFailure(error: TikTokError): PortFailure {
	return {
		kind: kindOf(error),
		code: error.code === null ? error.kind.toUpperCase() : String(error.code),
		message: error.message,
		fix: error.fix,
		requestId: error.requestId ?? undefined,
		retryAfterMs: error.kind === "rate_limited" ? (error.retryAfterMs ?? undefined) : undefined,
		ambiguous: "ambiguous" in error ? error.ambiguous : undefined,
	};
}

async function map<T, U>(call: Promise<TikTokResult<T>>, to: (data: T) => U): Promise<PortResult<U>> {
	const result = await call;
	return result.ok ? { ok: true, value: to(result.data) } : { ok: false, failure: toFailure(result.error) };
}

type ProductLike = {
	id: string;
	status: string;
	audit?: { status: string; pre_approved_reasons: string[] };
	audit_failed_reasons?: { position?: string; reasons: string[]; suggestions: string[] }[];
	skus: { id: string; seller_sku: string }[];
	external_product_id?: string;
	update_time?: number;
};

function remote(p: ProductLike): RemoteProduct {
	return {
		id: p.id,
		status: p.status,
		auditStatus: p.audit?.status,
		preApprovedReasons: p.audit?.pre_approved_reasons ?? [],
		failedReasons: p.audit_failed_reasons ?? [],
		skus: p.skus.map((s) => ({ id: s.id, sellerSku: s.seller_sku })),
		externalProductId: p.external_product_id,
		updateTime: p.update_time,
	};
}

export function tiktokPort(client: TikTokClient): ListingPort {
	return {
		categories: () =>
			map(client.getCategories(), (d) => d.categories.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.local_name.trim(), isLeaf: c.is_leaf, permissionStatuses: c.permission_statuses }))),
		categoryAttributes: (id) => map(client.getCategoryAttributes(id), (d) => d.attributes as CategoryAttribute[]),
		categoryRules: (id) => map(client.getCategoryRules(id), (d) => d as CategoryRules),
		recommendCategory: (title, description) =>
			map(client.recommendCategory({ productTitle: title, description: description || undefined }), (d) => ({
				leafId: d.leaf_category_id,
				path: d.categories.map((c) => ({ id: c.id, name: c.name, isLeaf: c.is_leaf, permissionStatuses: c.permission_statuses })),
			})),
		uploadImage: (bytes, fileName, useCase) =>
			map(client.uploadImage({ data: bytes, useCase, fileName }), (d) => ({ uri: d.uri, url: d.url, width: d.width ?? 0, height: d.height ?? 0 })),
		uploadFile: (bytes, name) => map(client.uploadFile({ data: bytes, name }), (d) => ({ id: d.id, name: d.name || name, url: d.url })),
		listingCheck: (body) =>
			map(client.checkListing(body as Parameters<TikTokClient["checkListing"]>[0]), (d) => ({
				passed: d.check_result === "PASS",
				failReasons: d.fail_reasons.map((r) => ({ code: String(r.code ?? ""), message: r.message || (r.reasons ?? []).join("; ") })),
			})),
		createProduct: (body: ListingBody, idempotencyKey) =>
			map(client.createProduct({ ...body, idempotency_key: idempotencyKey } as Parameters<TikTokClient["createProduct"]>[0]), (d) => ({
				productId: d.product_id,
				skus: d.skus.map((s) => ({ id: s.id, sellerSku: s.seller_sku })),
				warnings: d.warnings.map((w) => w.message ?? "").filter(Boolean),
			})),
		searchBySellerSkus: (sellerSkus) => map(client.findProductsBySellerSkus(sellerSkus), (products) => products.map((p) => remote(p as ProductLike))),
		getProduct: (id) => map(client.getProduct(id), (p) => remote(p as ProductLike)),
		updatePrices: (id, prices) =>
			map(
				client.updatePrices(id, prices.map((p) => ({ id: p.skuId, price: { amount: p.amount, currency: p.currency }, ...(p.listPrice ? { list_price: { amount: p.listPrice, currency: p.currency } } : {}) }))),
				() => undefined,
			),
		updateInventory: (id, inventory) =>
			map(client.updateInventory(id, inventory.map((i) => ({ id: i.skuId, inventory: [{ warehouse_id: i.warehouseId, quantity: i.quantity }] }))), () => undefined),
		partialEdit: (id, body) => map(client.partialEditProduct(id, body as Parameters<TikTokClient["partialEditProduct"]>[1]), (d) => ({ auditing: d.audit?.status === "AUDITING" })),
		deactivate: (ids) => map(client.deactivateProducts(ids), () => undefined),
	};
}
