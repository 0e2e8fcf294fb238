/**
 * What the sync engine needs from TikTok Shop, as one small interface. The
 * adapter in tiktok-port.ts implements it over the TikTok client; the engine
 * never sees HTTP, signing or envelopes. Failures are values carrying TikTok's
 * code, message, request id and a fix.
 */
import type { ListingBody } from "../tiktok/api/product-body";
import type { CategoryAttribute, CategoryRules } from "../listing/category-spec";
import type { HostedImage } from "../listing/description";

export type PortFailureKind =
	| "rate_limited"
	| "quota_exhausted"
	| "auth"
	| "timeout"
	| "transient"
	| "duplicate_external_id"
	| "permanent";

export type PortFailure = {
	kind: PortFailureKind;
	code: string;
	message: string;
	fix?: string;
	requestId?: string;
	retryAfterMs?: number;
	/** For timeouts: the request may have been processed (a lost answer). */
	ambiguous?: boolean;
};

export type PortResult<T> = { ok: true; value: T } | { ok: false; failure: PortFailure };

export type CreatedListing = { productId: string; skus: { id: string; sellerSku: string }[]; warnings: string[] };

export type RemoteProduct = {
	id: string;
	/** DRAFT | PENDING | FAILED | ACTIVATE | SELLER_DEACTIVATED | PLATFORM_DEACTIVATED | FREEZE | DELETED */
	status: string;
	auditStatus?: string;
	preApprovedReasons: string[];
	failedReasons: { position?: string; reasons: string[]; suggestions: string[] }[];
	skus: { id: string; sellerSku: string }[];
	externalProductId?: string;
	updateTime?: number;
};

export type CategoryNode = { id: string; parentId: string; name: string; isLeaf: boolean; permissionStatuses: string[] };

export type SkuPrice = { skuId: string; amount: string; currency: string; listPrice?: string };
export type SkuInventory = { skuId: string; warehouseId: string; quantity: number };

export interface ListingPort {
	categories(): Promise<PortResult<CategoryNode[]>>;
	categoryAttributes(categoryId: string): Promise<PortResult<CategoryAttribute[]>>;
	categoryRules(categoryId: string): Promise<PortResult<CategoryRules>>;
	recommendCategory(title: string, description: string): Promise<PortResult<{ leafId: string; path: { id: string; name: string; isLeaf: boolean; permissionStatuses: string[] }[] }>>;
	uploadImage(bytes: ArrayBuffer, fileName: string, useCase: "MAIN_IMAGE" | "DESCRIPTION_IMAGE" | "ATTRIBUTE_IMAGE" | "CERTIFICATION_IMAGE" | "SIZE_CHART_IMAGE"): Promise<PortResult<HostedImage>>;
	uploadFile(bytes: ArrayBuffer, name: string): Promise<PortResult<{ id: string; name: string; url?: string }>>;
	listingCheck(body: ListingBody): Promise<PortResult<{ passed: boolean; failReasons: { code: string; message: string }[] }>>;
	createProduct(body: ListingBody, idempotencyKey: string): Promise<PortResult<CreatedListing>>;
	searchBySellerSkus(sellerSkus: string[]): Promise<PortResult<RemoteProduct[]>>;
	getProduct(productId: string): Promise<PortResult<RemoteProduct>>;
	updatePrices(productId: string, prices: SkuPrice[]): Promise<PortResult<void>>;
	updateInventory(productId: string, inventory: SkuInventory[]): Promise<PortResult<void>>;
	/** `auditing`: TikTok sent the new version to review (a content change); false when nothing reviewable changed. */
	partialEdit(productId: string, body: Partial<ListingBody>): Promise<PortResult<{ auditing: boolean }>>;
	deactivate(productIds: string[]): Promise<PortResult<void>>;
}
