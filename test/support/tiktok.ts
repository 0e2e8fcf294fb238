/**
 * TikTok helpers for tests.
 *
 * - `connectTikTokShop(shopId, options?)` connects a Shopify shop to a TikTok sandbox seller
 *   end to end, exactly as a merchant would: POST /api/tiktok/connect with a session token,
 *   open the returned link (/auth/tiktok/start: cookie + redirect to TikTok), follow the
 *   sandbox's authorize URL (it auto-approves and 302s back with code + state), then call our
 *   callback through the Worker with that cookie. By default it provisions a fresh sandbox
 *   seller (POST /__sandbox/sellers) so test files never share listings, quotas or limits.
 * - `recordingFetch` / `tiktokOk` / `tiktokFail`: an injected `fetch` for transport unit tests
 *   (the platform boundary, not our code) that records every Request it receives.
 */
import { env, exports } from "cloudflare:workers";
import { mintSessionToken } from "../../worker/auth/session-token";
import type { TikTokAttribute } from "../../worker/tiktok/api/categories";
import type { CreateProductBody, ProductAttribute } from "../../worker/tiktok/api/product-body";
import type { TikTokClient } from "../../worker/tiktok/client";
import type { TikTokResult } from "../../worker/tiktok/errors";

/** The sandbox's provisioning knobs (test/sandbox/tiktok, POST /__sandbox/sellers). */
export type SandboxSellerOptions = {
	region?: string;
	name?: string;
	writeRatePerSecond?: number;
	readRatePerSecond?: number;
	dailyListingQuota?: number;
	auditDelayMs?: number;
	auditFailureRate?: number;
	accessTokenTtlSeconds?: number | null;
};

export type SandboxSeller = { seller_id: string; shop_id: string; shop_cipher: string; region: string };

export type ConnectOptions = SandboxSellerOptions & {
	/** Connect as this existing sandbox seller instead of provisioning a new one. */
	sellerId?: string;
};

export type ConnectedTikTokShop = {
	shopId: string;
	/** The sandbox seller (pass it to /__sandbox/sellers/{id}/… knobs). */
	sellerId: string;
	/** Where our callback redirected the browser. */
	redirectedTo: string;
};

/** A Shopify session token for `shopId`, as App Bridge would send it. */
export function sessionTokenFor(shopId: string): Promise<string> {
	return mintSessionToken(shopId, { clientId: env.SHOPIFY_API_KEY, secret: env.SHOPIFY_API_SECRET });
}

export async function createSandboxSeller(options: SandboxSellerOptions = {}): Promise<SandboxSeller> {
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify(options),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`POST /__sandbox/sellers answered ${res.status}: ${text}`);
	const body = JSON.parse(text) as SandboxSeller & { data?: SandboxSeller };
	return body.data ?? body;
}

/** The shops row exists after the Shopify install; tests that skip the install get a minimal one. */
export async function ensureShopRow(shopId: string): Promise<void> {
	const now = Date.now();
	await env.DB.prepare("INSERT INTO shops (id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")
		.bind(shopId, now, now)
		.run();
}

/** What a browser holds after opening the connect link: TikTok's authorize URL and our cookie. */
export type StartedConnect = { authorizeUrl: string; state: string; cookie: string };

/** POST /api/tiktok/connect as `shopId`, then opens the link like the merchant's browser (GET /auth/tiktok/start). */
export async function startConnect(shopId: string): Promise<StartedConnect> {
	const token = await sessionTokenFor(shopId);
	const res = await exports.default.fetch("http://app.test/api/tiktok/connect", {
		method: "POST",
		headers: { authorization: `Bearer ${token}` },
	});
	const body = await res.json<{ authorizeUrl?: string }>();
	if (res.status !== 200 || !body.authorizeUrl) throw new Error(`POST /api/tiktok/connect answered ${res.status}: ${JSON.stringify(body)}`);
	const start = await exports.default.fetch(body.authorizeUrl, { redirect: "manual" });
	const location = start.headers.get("location");
	const cookie = start.headers.get("set-cookie")?.split(";")[0];
	if (start.status !== 302 || !location || !cookie)
		throw new Error(`GET /auth/tiktok/start answered ${start.status}: ${await start.text()}`);
	return { authorizeUrl: location, state: new URL(location).searchParams.get("state") ?? "", cookie };
}

/** The seller approves at the sandbox; returns the sandbox's redirect back to our callback. */
export async function approveAtSandbox(authorizeUrl: string, sellerId: string | null): Promise<string> {
	const authorize = new URL(authorizeUrl);
	if (sellerId) authorize.searchParams.set("seller_id", sellerId);
	const approval = await fetch(authorize.href, { redirect: "manual" });
	const location = approval.headers.get("location");
	if (approval.status !== 302 || !location) throw new Error(`Sandbox authorize answered ${approval.status}: ${await approval.text()}`);
	return location;
}

/** Our callback, as a browser arriving from TikTok with (or without) the connect cookie. */
export function callCallback(callback: string, cookie?: string): Promise<Response> {
	return exports.default.fetch(callback, { redirect: "manual", headers: cookie ? { cookie } : {} });
}

/** Runs the first half of the flow: the sandbox's redirect back to our callback, and the browser's cookie. */
export async function authorizeAtSandbox(shopId: string, sellerId: string | null): Promise<{ callback: string; cookie: string }> {
	const started = await startConnect(shopId);
	return { callback: await approveAtSandbox(started.authorizeUrl, sellerId), cookie: started.cookie };
}

export async function connectTikTokShop(shopId: string, options: ConnectOptions = {}): Promise<ConnectedTikTokShop> {
	await ensureShopRow(shopId);
	const { sellerId: existing, ...sellerOptions } = options;
	const sellerId = existing ?? (await createSandboxSeller({ region: "US", ...sellerOptions })).seller_id;
	const { callback, cookie } = await authorizeAtSandbox(shopId, sellerId);
	const res = await callCallback(callback, cookie);
	const redirectedTo = res.headers.get("location") ?? "";
	if (res.status !== 302 || !redirectedTo.includes("tiktok=connected")) {
		throw new Error(`Callback answered ${res.status} → ${redirectedTo || (await res.text())}`);
	}
	return { shopId, sellerId, redirectedTo };
}

export type RecordedFetch = { fetch: typeof fetch; requests: Request[] };

/** A fetch that records each Request and answers with `respond(request, index)`. */
export function recordingFetch(respond: (request: Request, index: number) => Response | Promise<Response>): RecordedFetch {
	const requests: Request[] = [];
	const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
		const request = new Request(input, init);
		requests.push(request);
		return respond(request.clone(), requests.length - 1);
	};
	return { fetch: fake as typeof fetch, requests };
}

export function tiktokOk(data: unknown, requestId = "req-ok"): Response {
	return Response.json({ code: 0, message: "Success", request_id: requestId, data });
}

export function tiktokFail(
	code: number,
	message: string,
	init: { status?: number; headers?: Record<string, string>; requestId?: string } = {},
): Response {
	return Response.json(
		{ code, message, request_id: init.requestId ?? "req-fail", data: null },
		{ status: init.status ?? 200, headers: init.headers },
	);
}

/** A valid RGB PNG of the given size (a colour gradient), for image uploads the sandbox decodes. */
export async function makePng(width = 320, height = 320): Promise<Uint8Array<ArrayBuffer>> {
	const rows = new Uint8Array(height * (1 + width * 3));
	for (let y = 0; y < height; y++) {
		const row = y * (1 + width * 3);
		rows[row] = 0; // filter: none
		for (let x = 0; x < width; x++) rows.set([(x * 255) / width, (y * 255) / height, 128], row + 1 + x * 3);
	}
	const idat = new Uint8Array(await new Response(new Blob([rows]).stream().pipeThrough(new CompressionStream("deflate"))).arrayBuffer());
	const ihdr = new Uint8Array(13);
	const view = new DataView(ihdr.buffer);
	view.setUint32(0, width);
	view.setUint32(4, height);
	ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, no filter method, no interlace
	const parts = [
		new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
		pngChunk("IHDR", ihdr),
		pngChunk("IDAT", idat),
		pngChunk("IEND", new Uint8Array()),
	];
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
	const chunk = new Uint8Array(12 + data.length);
	const view = new DataView(chunk.buffer);
	view.setUint32(0, data.length);
	chunk.set(new TextEncoder().encode(type), 4);
	chunk.set(data, 8);
	view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
	return chunk;
}

function crc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const byte of bytes) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A create body the sandbox accepts for `sku`: the leaf TikTok recommends for a mug (unless
 * `categoryId` is given), every required attribute (including those a chosen value makes
 * required through VALUE_ID_MATCH) filled with its first value or a custom number/name,
 * dimensions when the category requires them, and a freshly uploaded PNG unless `imageUri`.
 */
export async function sandboxProductBody(
	client: TikTokClient,
	input: { sku: string; warehouseId: string; categoryId?: string; imageUri?: string; currency?: string },
): Promise<CreateProductBody> {
	const must = <T>(result: TikTokResult<T>): T => {
		if (!result.ok) throw new Error(`${result.error.kind} ${result.error.code}: ${result.error.message}`);
		return result.data;
	};
	const imageUri =
		input.imageUri ??
		must(await client.uploadImage({ data: await makePng(320, 320), useCase: "MAIN_IMAGE", contentType: "image/png" })).uri;
	const categoryId =
		input.categoryId ?? must(await client.recommendCategory({ productTitle: "Ceramic coffee mug 350 ml" })).leaf_category_id;
	const { attributes } = must(await client.getCategoryAttributes(categoryId));
	const rules = must(await client.getCategoryRules(categoryId));
	const chosen = new Map<string, ProductAttribute>();
	const required = (a: TikTokAttribute) =>
		a.is_requried ||
		a.requirement_conditions.some((c) => chosen.get(c.attribute_id ?? "")?.values.some((v) => v.id === c.attribute_value_id));
	for (let pass = 0; pass < 5; pass++) {
		for (const a of attributes) {
			if (a.type !== "PRODUCT_PROPERTY" || chosen.has(a.id) || !required(a)) continue;
			const custom = a.value_data_format === "POSITIVE_INT_OR_DECIMAL" ? "350" : "Generic";
			chosen.set(a.id, { id: a.id, values: [a.values[0] ? { id: a.values[0].id } : { name: custom }] });
		}
	}
	return {
		title: `Ceramic coffee mug ${input.sku}`,
		description: "<p>A sturdy ceramic mug that holds 350 ml.</p>",
		category_id: categoryId,
		main_images: [{ uri: imageUri }],
		skus: [
			{
				seller_sku: input.sku,
				price: { amount: "12.50", currency: input.currency ?? "USD" },
				inventory: [{ warehouse_id: input.warehouseId, quantity: 10 }],
				external_sku_id: `gid://shopify/ProductVariant/${input.sku}`,
			},
		],
		package_weight: { value: "0.4", unit: "KILOGRAM" },
		package_dimensions: rules.package_dimension?.is_required ? { length: "10", width: "10", height: "12", unit: "CENTIMETER" } : undefined,
		product_attributes: [...chosen.values()],
		external_product_id: `gid://shopify/Product/${input.sku}`,
		idempotency_key: `create-${input.sku}`,
	};
}

/** Changes a sandbox seller's knobs (rate limits, quota, audit) after it was provisioned. */
export async function configureSandboxSeller(sellerId: string, patch: Omit<SandboxSellerOptions, "region" | "name">): Promise<void> {
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${sellerId}/config`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify(patch),
	});
	if (!res.ok) throw new Error(`POST /__sandbox/sellers/${sellerId}/config answered ${res.status}: ${await res.text()}`);
}
