/**
 * Transport policies through an injected fetch (the platform boundary): retries re-stamp and
 * re-sign, only idempotent calls are retried, rate limits come back at once with
 * retryAfterMs, an expired token is refreshed once, timeouts are bounded and flagged
 * ambiguous for writes, and calls we must not send are refused locally.
 */
import { describe, expect, it } from "vitest";
import { createTikTokAuth, createTikTokClient, type TikTokAppConfig } from "../worker/tiktok/client";
import { signRequest } from "../worker/tiktok/signing";
import { recordingFetch, tiktokFail, tiktokOk } from "./support/tiktok";

const createBody = {
	title: "Mug",
	description: "<p>Mug</p>",
	category_id: "600001",
	main_images: [{ uri: "tos/a" }],
	skus: [{ seller_sku: "MUG-1", price: { amount: "9.99", currency: "USD" }, inventory: [{ warehouse_id: "7000", quantity: 5 }] }],
	package_weight: { value: "0.4", unit: "KILOGRAM" as const },
	external_product_id: "gid://shopify/Product/1",
	idempotency_key: "key-1",
};

function setup(
	respond: Parameters<typeof recordingFetch>[0],
	extra: Partial<TikTokAppConfig> = {},
	refresh?: () => Promise<string | null>,
) {
	const fake = recordingFetch(respond);
	const sleeps: number[] = [];
	let clock = 1_700_000_000_000;
	const app: TikTokAppConfig = {
		appKey: "key",
		appSecret: "secret",
		apiBase: "http://tiktok.test",
		authBase: "http://auth.test",
		fetch: fake.fetch,
		// Each reading of the clock moves it 2 s, so every attempt gets a different timestamp.
		now: () => (clock += 2000),
		sleep: async (ms) => {
			sleeps.push(ms);
		},
		...extra,
	};
	const client = createTikTokClient(app, { accessToken: "old-token", shopCipher: "ROW_c", region: "US", refreshAccessToken: refresh });
	return { client, app, requests: fake.requests, sleeps };
}

const params = (request: Request) => new URL(request.url).searchParams;

describe("retries", () => {
	it("retries a GET after a 503 with a fresh timestamp and a fresh, valid signature", async () => {
		const { client, requests, sleeps } = setup((_, i) =>
			i === 0 ? new Response("overloaded", { status: 503 }) : tiktokOk({ warehouses: [] }),
		);
		const result = await client.getWarehouses();
		expect(result).toEqual({ ok: true, data: { warehouses: [] }, requestId: "req-ok" });
		expect(requests).toHaveLength(2);
		expect(sleeps).toHaveLength(1);
		const [first, second] = requests.map(params);
		expect(first.get("timestamp")).not.toBe(second.get("timestamp"));
		expect(first.get("sign")).not.toBe(second.get("sign"));
		for (const request of requests) {
			const url = new URL(request.url);
			expect(url.searchParams.get("sign")).toBe(
				await signRequest({ appSecret: "secret", path: url.pathname, query: Object.fromEntries(url.searchParams) }),
			);
		}
	});

	it("retries a create that carries an idempotency_key (36009003), sending the same body", async () => {
		const { client, requests } = setup((_, i) =>
			i === 0 ? tiktokFail(36009003, "Internal error", { status: 500 }) : tiktokOk({ product_id: "1729592969712207008", skus: [] }),
		);
		const result = await client.createProduct(createBody);
		expect(result.ok && result.data.product_id).toBe("1729592969712207008");
		expect(requests).toHaveLength(2);
		expect(await requests[0].clone().text()).toBe(await requests[1].clone().text());
	});

	it("does not retry a write without an idempotency key, and flags the failure ambiguous", async () => {
		const { client, requests } = setup(() => tiktokFail(36009007, "Request timeout", { status: 504 }));
		const { idempotency_key: _, ...editBody } = createBody;
		const result = await client.editProduct("1729592969712207008", editBody);
		expect(requests).toHaveLength(1);
		expect(result.ok === false && result.error).toMatchObject({ kind: "transient", code: 36009007, ambiguous: true, httpStatus: 504 });
	});

	it("stops after maxRetries and returns the last transient error", async () => {
		const { client, requests, sleeps } = setup(() => tiktokFail(12001000, "Product API internal error", { status: 500 }), {
			maxRetries: 3,
		});
		const result = await client.getCategories();
		expect(requests).toHaveLength(4);
		expect(sleeps).toHaveLength(3);
		expect(result.ok === false && result.error).toMatchObject({ kind: "transient", code: 12001000, ambiguous: false });
	});

	it("retries a network error on a GET", async () => {
		const { client, requests } = setup((_, i) => {
			if (i === 0) throw new TypeError("Network connection lost.");
			return tiktokOk({ categories: [] });
		});
		expect((await client.getCategories()).ok).toBe(true);
		expect(requests).toHaveLength(2);
	});
});

describe("timeouts", () => {
	const hang = (request: Request) =>
		new Promise<Response>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));

	it("cuts each attempt off and retries a GET a bounded number of times", async () => {
		const { client, requests } = setup(hang, { timeoutMs: 20, maxRetries: 1 });
		const result = await client.getCategories();
		expect(requests).toHaveLength(2);
		expect(result.ok === false && result.error).toMatchObject({ kind: "timeout", ambiguous: false, code: null });
	});

	it("a create that finally times out is ambiguous: it may have been processed", async () => {
		const { client, requests } = setup(hang, { timeoutMs: 20, maxRetries: 1 });
		const result = await client.createProduct(createBody);
		expect(requests).toHaveLength(2);
		expect(result.ok === false && result.error).toMatchObject({ kind: "timeout", ambiguous: true });
	});
});

describe("rate limits are returned, not slept on", () => {
	it("HTTP 429 + 36009002 with Retry-After seconds", async () => {
		const { client, requests, sleeps } = setup(() =>
			tiktokFail(36009002, "Too many requests", { status: 429, headers: { "retry-after": "7" }, requestId: "rl-1" }),
		);
		const result = await client.getCategories();
		expect(requests).toHaveLength(1);
		expect(sleeps).toHaveLength(0);
		expect(result).toEqual({
			ok: false,
			error: expect.objectContaining({ kind: "rate_limited", retryAfterMs: 7000, code: 36009002, requestId: "rl-1", httpStatus: 429 }),
		});
	});

	it("Retry-After as an HTTP date", async () => {
		const { client, app } = setup(
			() => new Response("slow down", { status: 429, headers: { "retry-after": new Date(1_700_000_030_000).toUTCString() } }),
		);
		const result = await client.getCategories();
		expect(app.now).toBeDefined();
		expect(result.ok === false && result.error.kind).toBe("rate_limited");
		const retryAfterMs = result.ok === false && result.error.kind === "rate_limited" ? result.error.retryAfterMs : -1;
		// The clock advanced a few 2 s steps from 1_700_000_000_000 before the header was read.
		expect(retryAfterMs).toBeGreaterThan(20_000);
		expect(retryAfterMs).toBeLessThanOrEqual(30_000);
	});

	it("the create throttle 12052109 (HTTP 200) is a rate limit too, without Retry-After", async () => {
		const { client, requests } = setup(() => tiktokFail(12052109, "Merchant request volume over limit"));
		const result = await client.createProduct(createBody);
		expect(requests).toHaveLength(1);
		expect(result.ok === false && result.error).toMatchObject({ kind: "rate_limited", retryAfterMs: null, code: 12052109 });
	});
});

describe("expired access token (105002)", () => {
	it("calls refreshAccessToken once and retries once with the new token", async () => {
		let refreshes = 0;
		const { client, requests } = setup(
			(request) =>
				request.headers.get("x-tts-access-token") === "new-token"
					? tiktokOk({ categories: [] })
					: tiktokFail(105002, "Access token expired"),
			{},
			async () => {
				refreshes += 1;
				return "new-token";
			},
		);
		expect((await client.getCategories()).ok).toBe(true);
		expect(refreshes).toBe(1);
		expect(requests.map((r) => r.headers.get("x-tts-access-token"))).toEqual(["old-token", "new-token"]);
		expect(client.accessToken).toBe("new-token");
	});

	it("gives up as auth_expired when the retried call is still refused, refreshing only once", async () => {
		let refreshes = 0;
		const { client, requests } = setup(
			() => tiktokFail(105002, "Access token expired"),
			{},
			async () => {
				refreshes += 1;
				return "new-token";
			},
		);
		const result = await client.getCategories();
		expect(refreshes).toBe(1);
		expect(requests).toHaveLength(2);
		expect(result.ok === false && result.error).toMatchObject({ kind: "auth_expired", code: 105002 });
	});

	it("returns auth_expired at once when the refresh itself fails", async () => {
		const { client, requests } = setup(
			() => tiktokFail(105002, "Access token expired"),
			{},
			async () => null,
		);
		const result = await client.createProduct(createBody);
		expect(requests).toHaveLength(1);
		expect(result.ok === false && result.error.kind).toBe("auth_expired");
	});
});

describe("requests the client builds or refuses", () => {
	it("refuses a search for more than 10 seller SKUs without calling TikTok", async () => {
		const { client, requests } = setup(() => tiktokOk({ products: [] }));
		const skus = Array.from({ length: 11 }, (_, i) => `SKU-${i}`);
		const result = await client.searchProducts({ sellerSkus: skus });
		expect(requests).toHaveLength(0);
		expect(result.ok === false && result.error).toMatchObject({ kind: "permanent", code: 12019027 });
	});

	it("findProductsBySellerSkus splits 23 SKUs into searches of at most 10 and merges the products", async () => {
		const { client, requests } = setup(async (request) => {
			const { seller_skus } = (await request.json()) as { seller_skus: string[] };
			return tiktokOk({
				products: [{ id: "1729592969712207008", status: "ACTIVATE", skus: [{ id: "1", seller_sku: seller_skus[0] }] }],
				next_page_token: "",
			});
		});
		const result = await client.findProductsBySellerSkus(Array.from({ length: 23 }, (_, i) => `SKU-${i}`));
		const sizes = await Promise.all(requests.map(async (r) => ((await r.clone().json()) as { seller_skus: string[] }).seller_skus.length));
		expect(sizes).toEqual([10, 10, 3]);
		expect(result.ok && result.data.map((p) => p.id)).toEqual(["1729592969712207008"]);
	});

	it("file upload is multipart with data + name, unsigned body and no shop_cipher", async () => {
		const { client, requests } = setup(() => tiktokOk({ id: "v-1", name: "cert.pdf", format: "PDF", url: "https://f" }));
		const result = await client.uploadFile({ data: new Uint8Array([37, 80, 68, 70]), name: "cert.pdf" });
		expect(result.ok && result.data.id).toBe("v-1");
		const form = await requests[0].clone().formData();
		expect(form.get("name")).toBe("cert.pdf");
		expect(params(requests[0]).has("shop_cipher")).toBe(false);
	});

	it("authorized shops carries no shop_cipher; shop-scoped calls do", async () => {
		const { client, requests } = setup(() =>
			tiktokOk({ shops: [{ id: 7494049642642441621n.toString(), name: "S", region: "US", cipher: "ROW_c" }] }),
		);
		await client.getAuthorizedShops();
		await client.listWebhooks();
		expect(params(requests[0]).has("shop_cipher")).toBe(false);
		expect(params(requests[1]).get("shop_cipher")).toBe("ROW_c");
	});

	it("refuses a shop-scoped call when the client has no cipher (106013) without calling TikTok", async () => {
		const fake = recordingFetch(() => tiktokOk({}));
		const client = createTikTokClient(
			{ appKey: "k", appSecret: "s", apiBase: "http://t.test", authBase: "http://a.test", fetch: fake.fetch },
			{ accessToken: "t" },
		);
		const result = await client.getWarehouses();
		expect(fake.requests).toHaveLength(0);
		expect(result.ok === false && result.error).toMatchObject({ kind: "permanent", code: 106013 });
	});

	it("an answer that does not match the schema is bad_response, ambiguous for a create", async () => {
		const { client } = setup(() => tiktokOk({ skus: [] }));
		const result = await client.createProduct(createBody);
		expect(result.ok === false && result.error).toMatchObject({ kind: "bad_response", ambiguous: true });
	});

	it("token calls go to the auth host unsigned, without an access token, and expiries become ms", async () => {
		const fake = recordingFetch(() =>
			tiktokOk({
				access_token: "A",
				access_token_expire_in: 1_700_600_000,
				refresh_token: "R",
				refresh_token_expire_in: 1_710_000_000,
				open_id: "o",
				seller_name: "Seller",
				granted_scopes: ["a"],
			}),
		);
		const auth = createTikTokAuth({ appKey: "k", appSecret: "s", apiBase: "http://t.test", authBase: "http://a.test", fetch: fake.fetch });
		const result = await auth.getAccessToken("CODE");
		const url = new URL(fake.requests[0].url);
		expect(url.origin + url.pathname).toBe("http://a.test/api/v2/token/get");
		expect(Object.fromEntries(url.searchParams)).toEqual({
			app_key: "k",
			app_secret: "s",
			auth_code: "CODE",
			grant_type: "authorized_code",
		});
		expect(fake.requests[0].headers.has("x-tts-access-token")).toBe(false);
		expect(result.ok && result.data).toMatchObject({
			accessToken: "A",
			accessTokenExpiresAt: 1_700_600_000_000,
			refreshToken: "R",
			refreshTokenExpiresAt: 1_710_000_000_000,
		});
	});
});
