import { exports } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP, deliverWebhook, seedInstalledShop, shopRowCounts, spyOnSyncQueue, webhookHeaders } from "./support/shopify";
import { restProductPayload, shopifyJson } from "./support/shopify-payloads";

const SHOP = "rejects-store.myshopify.com";
const body = shopifyJson(restProductPayload({ id: 5005n, updatedAt: "2026-04-01T00:00:00Z" }));
let before: Record<string, number>;
let queue: ReturnType<typeof spyOnSyncQueue>;

beforeEach(async () => {
	await seedInstalledShop(SHOP);
	before = await shopRowCounts(SHOP);
	queue = spyOnSyncQueue({ passThrough: true });
});
afterEach(async () => {
	// Whatever the rejection, nothing was stored and nothing enqueued.
	expect(await shopRowCounts(SHOP)).toEqual(before);
	expect(queue.messages()).toEqual([]);
	vi.restoreAllMocks();
});

async function expectError(res: Response, status: number, code: string) {
	const text = await res.text();
	expect(res.status, text).toBe(status);
	expect(JSON.parse(text)).toMatchObject({ error: { code } });
}

const post = (headers: Headers, payload: BodyInit) =>
	exports.default.fetch(`${APP}/webhooks/shopify`, { method: "POST", headers, body: payload });

describe("POST /webhooks/shopify refuses", () => {
	it("a forged signature (another secret) with 401", async () => {
		await expectError(await deliverWebhook("products/update", SHOP, body, { secret: "not-the-app-secret" }), 401, "UNAUTHORIZED");
	});

	it("an unsigned request with 401", async () => {
		await expectError(
			await deliverWebhook("products/update", SHOP, body, { headers: { "x-shopify-hmac-sha256": null } }),
			401,
			"UNAUTHORIZED",
		);
	});

	it("a truncated body (signature of the whole) with 401", async () => {
		const headers = await webhookHeaders("products/update", SHOP, body);
		await expectError(await post(headers, body.slice(0, body.length - 10)), 401, "UNAUTHORIZED");
	});

	it("a signed body that is not JSON with 400", async () => {
		await expectError(await deliverWebhook("products/update", SHOP, "id=5005&title=x"), 400, "BAD_REQUEST");
	});

	it("a signed JSON body that is not a product with 400 and the offending fields", async () => {
		const res = await deliverWebhook("products/update", SHOP, JSON.stringify({ id: 5005, title: "x" }));
		const text = await res.text();
		expect(res.status, text).toBe(400);
		expect(JSON.parse(text).error.issues.map((i: { path: string }) => i.path)).toContain("admin_graphql_api_id");
	});

	it("an oversized body with 413, before reading it all", async () => {
		const huge = new Uint8Array(4 * 1024 * 1024 + 1).fill(32);
		await expectError(await deliverWebhook("products/update", SHOP, huge), 413, "PAYLOAD_TOO_LARGE");
	});

	it("an unknown topic with 400", async () => {
		await expectError(await deliverWebhook("orders/create", SHOP, body), 400, "BAD_REQUEST");
	});

	it("a request missing a required header (topic, domain, version, webhook id) with 400", async () => {
		for (const header of ["x-shopify-topic", "x-shopify-shop-domain", "x-shopify-api-version", "x-shopify-webhook-id"]) {
			await expectError(await deliverWebhook("products/update", SHOP, body, { headers: { [header]: null } }), 400, "BAD_REQUEST");
		}
	});

	it("a shop domain that is not *.myshopify.com with 400", async () => {
		await expectError(await deliverWebhook("products/update", "evil.example.com", body), 400, "BAD_REQUEST");
	});
});

describe("POST /webhooks/shopify for a shop that is not installed", () => {
	it("answers 200 and ignores the delivery, storing nothing", async () => {
		const res = await deliverWebhook("products/update", "never-installed.myshopify.com", body);
		expect(await res.json()).toEqual({ ok: true, outcome: "ignored", reason: "unknown_shop" });
		expect(Object.values(await shopRowCounts("never-installed.myshopify.com")).every((n) => n === 0)).toBe(true);
	});
});
