/**
 * Hostile input at POST /webhooks/shopify: prototype keys as topics, bodies that
 * are not JSON or not the topic's shape, ids too large or of the wrong type,
 * missing and odd headers, unknown topics, and random JSON for every topic. Every
 * body is validly signed, so it gets past the HMAC and reaches the parsing that
 * follows. Nothing may answer 5xx, and nothing of the installed shop may change.
 */
import fc from "fast-check";
import { exports } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
	APP,
	deliverWebhook,
	seedInstalledShop,
	shopRowCounts,
	spyOnSyncQueue,
	webhookHeaders,
	type WebhookOptions,
} from "./support/shopify";
import { restProductPayload, shopifyJson } from "./support/shopify-payloads";

const SHOP = "hostile-store.myshopify.com";
const TOPICS = [
	"products/create",
	"products/update",
	"products/delete",
	"inventory_items/update",
	"app/uninstalled",
	"customers/data_request",
	"customers/redact",
	"shop/redact",
];
const PROTOTYPE_TOPICS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "isPrototypeOf"];
let before: Record<string, number>;
let queue: ReturnType<typeof spyOnSyncQueue>;
let sent = 0;

beforeAll(async () => {
	await seedInstalledShop(SHOP);
	before = await shopRowCounts(SHOP);
	queue = spyOnSyncQueue();
});
afterAll(async () => {
	expect(await shopRowCounts(SHOP)).toEqual(before);
	// Only a create for a product the shop does not have enqueues anything: its read-only confirmation.
	expect(queue.messages().filter((m) => m.type !== "product.complete")).toEqual([]);
	console.log(`hostile webhook inputs sent: ${sent}`);
	vi.restoreAllMocks();
});

async function send(topic: string, body: string | Uint8Array, options: WebhookOptions = {}, shop = SHOP) {
	sent++;
	const res = await deliverWebhook(topic, shop, body, options);
	const text = await res.text();
	expect(res.status, `${topic} ${String(body).slice(0, 120)} → ${text}`).toBeLessThan(500);
	if (res.status >= 400) expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
	return { status: res.status, text };
}

const BAD_JSON: (string | Uint8Array)[] = [
	"",
	"{",
	'{"id":',
	"null",
	"[]",
	'"text"',
	"1",
	"true",
	"id=1",
	"\uFEFF{}",
	new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
	"[".repeat(5000) + "]".repeat(5000),
	`{"a":${"{".repeat(3000)}${"}".repeat(3000)}}`,
];

const WRONG_SHAPES: unknown[] = [
	{},
	{ id: "abc" },
	{ id: -1 },
	{ id: 1.5 },
	{ id: true },
	{ id: null },
	{ id: [1] },
	{ id: { "": 1 } },
	{ shop_domain: 5 },
	{ shop_domain: "" },
	{ shop_domain: null },
	{ shop_domain: [SHOP] },
	{ shop_domain: { toString: SHOP } },
	{ myshopify_domain: null, domain: null },
	{ myshopify_domain: ["x"] },
	JSON.parse(`{"__proto__":{"shop_domain":"${SHOP}","myshopify_domain":"${SHOP}"}}`),
	{ constructor: { prototype: { shop_domain: SHOP } } },
	{ admin_graphql_api_id: "gid://shopify/Product/abc" },
	{ admin_graphql_api_id: "gid://shopify/InventoryItem/12/../34", weight_value: "heavy" },
	{ admin_graphql_api_id: `gid://shopify/InventoryItem/${"9".repeat(400)}`, weight_value: 1e308, weight_unit: "parsec" },
	{ ...restProductPayload({ id: 1n, updatedAt: "not a date" }) },
	{ ...restProductPayload({ id: 1n, updatedAt: "2026-01-01T00:00:00Z" }), variants: "many" },
	{ ...restProductPayload({ id: 1n, updatedAt: "2026-01-01T00:00:00Z" }), title: 7 },
];

/** Ids as Shopify's serialiser could never write them: past 2^64, exponent notation, negative zero. */
const HUGE_IDS = [
	'{"id":99999999999999999999999999999999999999}',
	'{"id":1e400}',
	'{"id":-0}',
	'{"id":9007199254740993.5}',
	`{"id":${"9".repeat(5000)}}`,
	shopifyJson(restProductPayload({ id: 2n ** 70n, updatedAt: "2026-01-01T00:00:00Z" })),
];

describe("POST /webhooks/shopify under hostile input", () => {
	it("answers a prototype key as topic with the unknown-topic 400", async () => {
		for (const topic of PROTOTYPE_TOPICS) {
			const { status, text } = await send(topic, JSON.stringify({ id: 1, shop_domain: SHOP }));
			expect([status, JSON.parse(text).error.message], topic).toEqual([400, `Unsupported webhook topic: ${topic.toLowerCase()}.`]);
		}
	});

	it("answers bad JSON with 400, and wrong shapes and impossible ids for every topic with a 4xx or an ignored 200", async () => {
		for (const topic of TOPICS) {
			for (const body of BAD_JSON) expect((await send(topic, body)).status).toBe(400);
			// Some shapes are another topic's valid body (a product has an `id`): those are ignored, 200.
			for (const shape of WRONG_SHAPES)
				expect(await send(topic, shopifyJson(shape))).toSatisfy(
					({ status, text }) => status === 400 || JSON.parse(text).outcome === "ignored",
				);
			for (const body of HUGE_IDS) await send(topic, body);
		}
	});

	it("answers unknown topics, missing or odd headers and bad signatures with a 4xx", async () => {
		const body = JSON.stringify({ id: 1 });
		for (const topic of [
			"orders/create",
			"",
			" ",
			"products/update/extra",
			"products%2Fupdate",
			"PRODUCTS_UPDATE",
			"products/ update",
			"%C3%BCr%C3%BCn",
			"x".repeat(5000),
		]) {
			expect((await send(topic, body)).status).toBe(400);
		}
		for (const header of [
			"x-shopify-topic",
			"x-shopify-shop-domain",
			"x-shopify-api-version",
			"x-shopify-webhook-id",
			"x-shopify-hmac-sha256",
		]) {
			expect((await send("products/delete", body, { headers: { [header]: null } })).status).toBeGreaterThanOrEqual(400);
			expect((await send("products/delete", body, { headers: { [header]: "" } })).status).toBeGreaterThanOrEqual(400);
		}
		for (const hmac of ["abc", "=====", "A".repeat(10_000), "AAAA AAAA", "%%%"]) {
			expect((await send("products/delete", body, { headers: { "x-shopify-hmac-sha256": hmac } })).status).toBe(401);
		}
		for (const domain of ["evil.com", `${SHOP}.evil.com`, "myshopify.com", `../${SHOP}`, `${SHOP}/x`]) {
			expect((await send("products/delete", body, {}, domain)).status).toBe(400);
		}
		for (const triggeredAt of ["yesterday", "", "9".repeat(300), "-271821-04-20T00:00:00Z"]) {
			await send("shop/redact", JSON.stringify({ shop_domain: "other.myshopify.com" }), { triggeredAt });
		}
	});

	it("never answers 5xx to random JSON under any topic (fast-check, fixed seed)", async () => {
		const body = fc.oneof(
			fc.json(),
			fc.jsonValue().map((v) => JSON.stringify(v)),
		);
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...TOPICS, ...PROTOTYPE_TOPICS), body, async (topic, text) => {
				await send(topic, text);
			}),
			{ numRuns: 120, seed: 20261204 },
		);
	});

	it("refuses a body sent with a different Content-Length framing (raw bytes signed, others sent)", async () => {
		const headers = await webhookHeaders("products/delete", SHOP, '{"id":1}');
		sent++;
		const res = await exports.default.fetch(`${APP}/webhooks/shopify`, { method: "POST", headers, body: '{"id":2}' });
		expect(res.status).toBe(401);
	});
});
