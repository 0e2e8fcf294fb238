/**
 * Talks to the TikTok Shop sandbox (test/sandbox/tiktok) over loopback exactly as
 * a client would: signed query, access-token header, shop_cipher where needed.
 * Used by the sandbox's own tests (test/tiktok-sandbox-*.integration.test.ts).
 */
import { env } from "cloudflare:workers";
import { signTikTok } from "./tiktok-sign";

export const APP_KEY = "sandbox-app-key";
export const APP_SECRET = "sandbox-app-secret";

export type Seller = {
	seller_id: string;
	shop_id: string;
	shop_cipher: string;
	region: string;
	currency: string;
	warehouse_id: string;
	access_token: string;
	refresh_token: string;
	access_token_expire_in: number;
};

export type Envelope<T = any> = { code: number; message: string; request_id: string; data: T };

export const sandboxUrl = (path: string) => `${env.TIKTOK_API_BASE}${path}`;

export async function knob<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
	const res = await fetch(sandboxUrl(`/__sandbox${path}`), {
		method,
		headers: body === undefined ? {} : { "content-type": "application/json" },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: (await res.json()) as T };
}

/** A fresh isolated seller; audits conclude immediately and rate limits are out of the way unless set. */
export async function newSeller(options: Record<string, unknown> = {}): Promise<Seller> {
	const { status, body } = await knob<Seller>("POST", "/sellers", {
		auditDelayMs: 0,
		writeRatePerSecond: 10_000,
		readRatePerSecond: 10_000,
		...options,
	});
	if (status !== 201) throw new Error(`POST /__sandbox/sellers answered ${status}: ${JSON.stringify(body)}`);
	return body;
}

export type CallOptions = {
	query?: Record<string, string>;
	/** JSON body; serialised once, and that exact text is signed and sent. */
	json?: unknown;
	form?: FormData;
	/** Add the seller's shop_cipher (default true except for uploads and authorization calls). */
	cipher?: boolean;
	token?: string | null;
	timestamp?: number;
	/** Replace the computed signature (null leaves `sign` out). */
	sign?: string | null;
	/** Sign this body instead of the one sent. */
	signedBody?: string;
	signal?: AbortSignal;
};

const NO_CIPHER = /\/(images|files)\/upload$|^\/authorization\//;

export async function call<T = any>(
	seller: Seller,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<{ status: number; headers: Headers; body: Envelope<T>; text: string }> {
	const query: Record<string, string> = {
		app_key: APP_KEY,
		timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
		...(path.startsWith("/product/") && seller.region === "US" && !path.includes("/products") ? { category_version: "v2" } : {}),
		...options.query,
	};
	if (options.cipher ?? !NO_CIPHER.test(path)) query.shop_cipher = seller.shop_cipher;
	const text = options.json === undefined ? "" : JSON.stringify(options.json);
	const sign =
		options.sign === undefined ? await signTikTok(APP_SECRET, path, query, options.signedBody ?? (options.form ? "" : text)) : options.sign;
	const url = new URL(sandboxUrl(path));
	for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
	if (sign !== null) url.searchParams.set("sign", sign);
	const headers: Record<string, string> = {};
	const token = options.token === undefined ? seller.access_token : options.token;
	if (token !== null) headers["x-tts-access-token"] = token;
	if (options.json !== undefined) headers["content-type"] = "application/json";
	const res = await fetch(url, {
		method,
		headers,
		body: options.form ?? (options.json === undefined ? undefined : text),
		signal: options.signal,
	});
	const raw = await res.text();
	return { status: res.status, headers: res.headers, body: JSON.parse(raw) as Envelope<T>, text: raw };
}

/** A PNG that is only a signature and an IHDR chunk: enough for TikTok-style header checks. */
export function pngHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(33);
	bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
	const view = new DataView(bytes.buffer);
	view.setUint32(16, width);
	view.setUint32(20, height);
	bytes.set([8, 2, 0, 0, 0], 24);
	return bytes;
}

/** A JPEG that is SOI, one APP0 segment and a SOF0 frame header. */
export function jpegHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
	const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
	const sof = [
		0xff,
		0xc0,
		0x00,
		0x11,
		0x08,
		height >> 8,
		height & 0xff,
		width >> 8,
		width & 0xff,
		0x03,
		1,
		0x22,
		0,
		2,
		0x11,
		1,
		3,
		0x11,
		1,
	];
	return new Uint8Array([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

/** A WEBP (VP8X, extended format) header of the given size. */
export function webpHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(30);
	const ascii = (text: string, at: number) =>
		bytes.set(
			[...text].map((ch) => ch.charCodeAt(0)),
			at,
		);
	ascii("RIFF", 0);
	new DataView(bytes.buffer).setUint32(4, 22, true);
	ascii("WEBPVP8X", 8);
	new DataView(bytes.buffer).setUint32(16, 10, true);
	const w = width - 1;
	const h = height - 1;
	bytes.set([w & 0xff, (w >> 8) & 0xff, (w >> 16) & 0xff, h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff], 24);
	return bytes;
}

export async function uploadImage(seller: Seller, bytes: Uint8Array, useCase = "MAIN_IMAGE", name = "image.png") {
	const form = new FormData();
	form.set("data", new Blob([bytes.slice()]), name);
	form.set("use_case", useCase);
	return call<{ uri: string; url: string; width: number; height: number; use_case: string }>(
		seller,
		"POST",
		"/product/202309/images/upload",
		{ form },
	);
}

export const T_SHIRT_CATEGORY = "601302"; // Womenswear & Underwear > Women's Tops > T-shirts
export const POWER_BANK_CATEGORY = "910728"; // Phones & Electronics > Phone Accessories > Power Banks

/** Attribute value id by attribute id and value name, from GET attributes. */
export async function attributeValue(seller: Seller, categoryId: string, attributeId: string, valueName: string): Promise<string> {
	const res = await call<{ attributes: { id: string; values: { id: string; name: string }[] }[] }>(
		seller,
		"GET",
		`/product/202309/categories/${categoryId}/attributes`,
	);
	const value = res.body.data.attributes.find((a) => a.id === attributeId)?.values.find((v) => v.name === valueName);
	if (!value) throw new Error(`no value ${valueName} of attribute ${attributeId} in ${categoryId}`);
	return value.id;
}

/**
 * A create body that passes every check for a US seller in the T-shirt leaf
 * (required: Material 100157, Sleeve Length, and a size chart image).
 */
export async function validTShirt(seller: Seller, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
	const main = await uploadImage(seller, pngHeader(800, 800));
	const chart = await uploadImage(seller, pngHeader(1200, 1600), "SIZE_CHART_IMAGE");
	const attrs = await call<{ attributes: { id: string; name: string; is_requried: boolean; values: { id: string; name: string }[] }[] }>(
		seller,
		"GET",
		`/product/202309/categories/${T_SHIRT_CATEGORY}/attributes`,
	);
	const required = attrs.body.data.attributes.filter((a) => a.is_requried);
	const suffix = crypto.randomUUID().slice(0, 8);
	return {
		title: "Organic Cotton Crew T-Shirt",
		description: "<p>Soft organic cotton tee with a relaxed crew neck.</p>",
		category_id: T_SHIRT_CATEGORY,
		category_version: "v2",
		main_images: [{ uri: main.body.data.uri }],
		package_weight: { value: "0.25", unit: "KILOGRAM" },
		package_dimensions: { length: "30", width: "20", height: "3", unit: "CENTIMETER" },
		product_attributes: required.map((a) => ({ id: a.id, values: [{ id: a.values[0].id }] })),
		size_chart: { image: { uri: chart.body.data.uri } },
		skus: ["S", "M"].map((size) => ({
			seller_sku: `TEE-${suffix}-${size}`,
			price: { amount: "19.99", currency: seller.currency },
			inventory: [{ warehouse_id: seller.warehouse_id, quantity: 10 }],
			sales_attributes: [{ id: "100007", value_name: size }],
		})),
		external_product_id: `gid://shopify/Product/${suffix}`,
		...overrides,
	};
}

type AttributeInfo = { id: string; name: string; is_requried: boolean; values: { id: string; name: string }[]; value_data_format?: string };

/** `product_attributes` filling every always-required attribute of a leaf with its first value (or "1" for numbers). */
export async function requiredAttributes(
	seller: Seller,
	categoryId: string,
	except: string[] = [],
): Promise<{ id: string; values: { id?: string; name?: string }[] }[]> {
	const res = await call<{ attributes: AttributeInfo[] }>(seller, "GET", `/product/202309/categories/${categoryId}/attributes`);
	return res.body.data.attributes
		.filter((a) => a.is_requried && !except.includes(a.id))
		.map((a) => ({ id: a.id, values: [a.values[0] ? { id: a.values[0].id } : { name: "1" }] }));
}

export async function attributeByName(seller: Seller, categoryId: string, name: string): Promise<AttributeInfo> {
	const res = await call<{ attributes: AttributeInfo[] }>(seller, "GET", `/product/202309/categories/${categoryId}/attributes`);
	const found = res.body.data.attributes.find((a) => a.name === name);
	if (!found) throw new Error(`no attribute ${name} in ${categoryId}`);
	return found;
}
