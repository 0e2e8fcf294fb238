/**
 * The face of worker/tiktok/: everything the app asks of TikTok Shop, as one
 * interface with typed methods. Each returns one result type whose failure
 * speaks one vocabulary (PortFailureKind): what a caller acts on (retry, wait
 * for quota, adopt a duplicate, ask the merchant to reconnect, or show TikTok's
 * reason). HTTP, signing, envelopes and the client's finer error taxonomy stay
 * behind it (port-adapter.ts), so the sync engine can be tested with a fake.
 */
import type { ListingBody } from "./api/product-body";
import type { CategoryAttribute, CategoryRules } from "./category-spec";

/** An image TikTok hosts: the uri a listing references, and its size. */
export type HostedImage = { uri: string; url: string; width: number; height: number };

export type PortFailureKind = "rate_limited" | "quota_exhausted" | "auth" | "timeout" | "transient" | "duplicate_external_id" | "permanent";

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

/** A warning TikTok answered with an accepted create or edit: the field it names (e.g. `brand_id`, when it names one) and its text. */
export type ListingWarning = { field: string | null; message: string };

export type CreatedListing = {
	productId: string;
	skus: { id: string; sellerSku: string }[];
	warnings: ListingWarning[];
	/** What TikTok said of the listing when it was found rather than created (an adopt); a fresh create is in review. */
	remote?: Pick<RemoteProduct, "status" | "auditStatus" | "preApprovedReasons" | "failedReasons">;
};

/** An accepted edit; `skus`: the product's SKUs after it, new ones with the ids TikTok gave them. */
export type EditedListing = { auditing: boolean; warnings: ListingWarning[]; skus: { id: string; sellerSku: string }[] };

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

/** One page of the shop's listings (every status but deleted), newest first. */
export type ListingPage = { products: RemoteProduct[]; nextPageToken: string | null; total: number };

export type CategoryNode = { id: string; parentId: string; name: string; isLeaf: boolean; permissionStatuses: string[] };
export type RecommendedCategory = { leafId: string; path: { id: string; name: string; isLeaf: boolean; permissionStatuses: string[] }[] };
export type Brand = { id: string; name: string; authorizedStatus?: string };
export type ImageUseCase = "MAIN_IMAGE" | "DESCRIPTION_IMAGE" | "ATTRIBUTE_IMAGE" | "CERTIFICATION_IMAGE" | "SIZE_CHART_IMAGE";
export type ListingCheck = { passed: boolean; failReasons: { code: string; message: string }[] };

export type SkuPrice = { skuId: string; amount: string; currency: string; listPrice?: string };
export type SkuInventory = { skuId: string; warehouseId: string; quantity: number };

export interface TikTokPort {
	categories(): Promise<PortResult<CategoryNode[]>>;
	categoryAttributes(categoryId: string): Promise<PortResult<CategoryAttribute[]>>;
	categoryRules(categoryId: string): Promise<PortResult<CategoryRules>>;
	recommendCategory(title: string, description: string): Promise<PortResult<RecommendedCategory>>;
	brands(categoryId?: string): Promise<PortResult<Brand[]>>;
	uploadImage(bytes: ArrayBuffer, fileName: string, useCase: ImageUseCase): Promise<PortResult<HostedImage>>;
	uploadFile(bytes: ArrayBuffer, name: string): Promise<PortResult<{ id: string; name: string; url?: string }>>;
	listingCheck(body: ListingBody): Promise<PortResult<ListingCheck>>;
	createProduct(body: ListingBody, idempotencyKey: string): Promise<PortResult<CreatedListing>>;
	searchBySellerSkus(sellerSkus: string[]): Promise<PortResult<RemoteProduct[]>>;
	/** A page of every listing of the shop; `pageToken` from the previous page. */
	listProducts(pageToken: string | null, pageSize: number): Promise<PortResult<ListingPage>>;
	getProduct(productId: string): Promise<PortResult<RemoteProduct>>;
	updatePrices(productId: string, prices: SkuPrice[]): Promise<PortResult<void>>;
	updateInventory(productId: string, inventory: SkuInventory[]): Promise<PortResult<void>>;
	/**
	 * Replaces each top-level property sent. `auditing`: TikTok sent the new version to review (a content change);
	 * `skus`: the product's SKUs after the edit, new ones with the ids TikTok gave them.
	 */
	partialEdit(productId: string, body: Partial<ListingBody>): Promise<PortResult<EditedListing>>;
	activate(productIds: string[]): Promise<PortResult<void>>;
	deactivate(productIds: string[]): Promise<PortResult<void>>;
	delete(productIds: string[]): Promise<PortResult<void>>;
}
