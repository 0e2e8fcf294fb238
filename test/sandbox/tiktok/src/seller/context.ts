/**
 * What the Worker hands a seller's object for one API call, what it gets back,
 * and the context every endpoint handler receives.
 */
import type { EndpointName } from "../gateway/endpoints.ts";
import type { SellerProfile } from "./profile.ts";

export type UploadInput = { fields: Record<string, string>; file?: { bytes: Uint8Array; name: string; type: string } };

export type ApiCall = {
	sellerId: string;
	endpoint: EndpointName;
	pathId?: string;
	query: Record<string, string>;
	token: string;
	/** Raw JSON text as received ("" when none). */
	body: string;
	upload?: UploadInput;
	/** The sandbox origin as the caller sees it; media URLs point back to it. */
	origin: string;
	requestId: string;
	/** When the gateway received the call: rate limits count arrivals there, before parsing and signature checks. */
	arrivedAt: number;
};

export type ApiResult = { status: number; body: string; headers: Record<string, string>; delayMs: number };

/** A webhook-worthy change: type 5 (PRODUCT_STATUS_CHANGE) or 37 (PRODUCT_AUDIT_STATUS_CHANGE); `data` without product_id. */
export type ProductEvent = { type: 5 | 37; productId: string; data: Record<string, unknown> };

export type SellerContext = {
	sql: SqlStorage;
	seller: SellerProfile;
	nowMs: number;
	origin: string;
	/** Product changes during this call; turned into webhooks once the call is done. */
	events: ProductEvent[];
};

export const nowSeconds = (ctx: { nowMs: number }) => Math.floor(ctx.nowMs / 1000);
