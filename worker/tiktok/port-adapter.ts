/**
 * The TikTokPort over the typed API calls: a thin mapping of arguments, answers
 * and of the client's error taxonomy (errors.ts) onto the port's few failure kinds.
 */
import { getBrands, getCategories, getCategoryAttributes, getCategoryRules, recommendCategory } from "./api/categories";
import type { CallContext } from "./api/context";
import { uploadFile, uploadImage } from "./api/media";
import type { TikTokProduct } from "./api/product-schemas";
import { activateProducts, deactivateProducts, deleteProducts, updateInventory, updatePrices } from "./api/product-updates";
import { checkListing, createProduct, findProductsBySellerSkus, getProduct, partialEditProduct, searchProducts } from "./api/products";
import type { CategoryAttribute, CategoryRules } from "./category-spec";
import type { TikTokError, TikTokResult } from "./errors";
import type { ListingWarning, PortFailure, PortFailureKind, PortResult, RemoteProduct, TikTokPort } from "./port";

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

type ProductLike = Pick<TikTokProduct, "id" | "status" | "skus" | "update_time"> &
	Partial<Pick<TikTokProduct, "audit" | "audit_failed_reasons" | "external_product_id">>;

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

const nothing = () => undefined;

/** TikTok names the field it cleared in brackets: "The [brand_id]:123 field is incorrect and has been automatically cleared…". */
export function listingWarnings(warnings: { message?: string }[]): ListingWarning[] {
	return warnings.flatMap((w) => (w.message ? [{ field: /\[([^\]]+)\]/.exec(w.message)?.[1] ?? null, message: w.message }] : []));
}

type CatalogMethods = "categories" | "categoryAttributes" | "categoryRules" | "recommendCategory" | "brands" | "uploadImage" | "uploadFile";

/** Reads of the category tree, and the uploads a listing or a template refers to. */
function catalogMethods(ctx: CallContext): Pick<TikTokPort, CatalogMethods> {
	return {
		categories: () =>
			map(getCategories(ctx), (d) =>
				d.categories.map((c) => ({
					id: c.id,
					parentId: c.parent_id,
					name: c.local_name.trim(),
					isLeaf: c.is_leaf,
					permissionStatuses: c.permission_statuses,
				})),
			),
		categoryAttributes: (id) => map(getCategoryAttributes(ctx, id), (d) => d.attributes as CategoryAttribute[]),
		categoryRules: (id) => map(getCategoryRules(ctx, id), (d) => d as CategoryRules),
		recommendCategory: (title, description) =>
			map(recommendCategory(ctx, { productTitle: title, description: description || undefined }), (d) => ({
				leafId: d.leaf_category_id,
				path: d.categories.map((c) => ({ id: c.id, name: c.name, isLeaf: c.is_leaf, permissionStatuses: c.permission_statuses })),
			})),
		brands: (categoryId) =>
			map(getBrands(ctx, { categoryId }), (d) => d.brands.map((b) => ({ id: b.id, name: b.name, authorizedStatus: b.authorized_status }))),
		uploadImage: (bytes, fileName, useCase) =>
			map(uploadImage(ctx, { data: bytes, useCase, fileName }), (d) => ({
				uri: d.uri,
				url: d.url,
				width: d.width ?? 0,
				height: d.height ?? 0,
			})),
		uploadFile: (bytes, name) => map(uploadFile(ctx, { data: bytes, name }), (d) => ({ id: d.id, name: d.name || name, url: d.url })),
	};
}

/** Everything that reads or changes a shop's listings. */
function listingMethods(ctx: CallContext): Omit<TikTokPort, CatalogMethods> {
	return {
		listingCheck: (body) =>
			map(checkListing(ctx, body), (d) => ({
				passed: d.check_result === "PASS",
				failReasons: d.fail_reasons.map((r) => ({ code: String(r.code ?? ""), message: r.message || (r.reasons ?? []).join("; ") })),
			})),
		createProduct: (body, idempotencyKey) =>
			map(createProduct(ctx, { ...body, idempotency_key: idempotencyKey }), (d) => ({
				productId: d.product_id,
				skus: d.skus.map((s) => ({ id: s.id, sellerSku: s.seller_sku })),
				warnings: listingWarnings(d.warnings),
			})),
		searchBySellerSkus: (sellerSkus) => map(findProductsBySellerSkus(ctx, sellerSkus), (products) => products.map(remote)),
		listProducts: (pageToken, pageSize) =>
			map(searchProducts(ctx, { status: "ALL", pageSize, pageToken: pageToken ?? undefined }), (d) => ({
				products: d.products.filter((p) => p.status !== "DELETED").map(remote),
				nextPageToken: d.next_page_token || null,
				total: d.total_count ?? d.products.length,
			})),
		getProduct: (id) => map(getProduct(ctx, id), remote),
		updatePrices: (id, prices) =>
			map(
				updatePrices(
					ctx,
					id,
					prices.map((p) => ({
						id: p.skuId,
						price: { amount: p.amount, currency: p.currency },
						...(p.listPrice ? { list_price: { amount: p.listPrice, currency: p.currency } } : {}),
					})),
				),
				nothing,
			),
		updateInventory: (id, inventory) =>
			map(
				updateInventory(
					ctx,
					id,
					inventory.map((i) => ({ id: i.skuId, inventory: [{ warehouse_id: i.warehouseId, quantity: i.quantity }] })),
				),
				nothing,
			),
		partialEdit: (id, body) =>
			map(partialEditProduct(ctx, id, body), (d) => ({
				auditing: d.audit?.status === "AUDITING",
				warnings: listingWarnings(d.warnings),
				skus: d.skus.map((s) => ({ id: s.id, sellerSku: s.seller_sku })),
			})),
		activate: (ids) => map(activateProducts(ctx, ids), nothing),
		deactivate: (ids) => map(deactivateProducts(ctx, ids), nothing),
		delete: (ids) => map(deleteProducts(ctx, ids), nothing),
	};
}

export function tiktokPort(ctx: CallContext): TikTokPort {
	return { ...catalogMethods(ctx), ...listingMethods(ctx) };
}
