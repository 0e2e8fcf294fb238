/**
 * Real HTTP deliveries on loopback to the sandbox's test receiver: retries after a
 * failure keep the webhook id, and a replay resends recorded deliveries unchanged,
 * duplicated and in reverse order, as Shopify may (at-least-once, no ordering).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { eventually, shopifySandbox, uniqueShop } from "./sandbox/shopify/client";

const sandbox = shopifySandbox(env.SHOPIFY_ADMIN_BASE);
const shop = uniqueShop("webhook-replay");
const bin = shop.replace(".myshopify.com", "");
let productId: string;

beforeAll(async () => {
	expect((await sandbox.createStore({ shop, productCount: 3 })).status).toBe(201);
	// The first attempt of each delivery is answered 500, so every delivery is retried once.
	expect((await sandbox.subscribe(shop, "PRODUCTS_UPDATE", sandbox.receiverUrl(bin, 1))).status).toBe(201);
	const token = await sandbox.token(shop);
	productId = (await sandbox.graphql(shop, token, `{ products(first: 1) { nodes { legacyResourceId } } }`)).body.data.products.nodes[0]
		.legacyResourceId;
});

describe("webhook delivery, retry and replay", () => {
	it("retries a failed delivery with the same webhook id, then replays duplicates in reverse order", async () => {
		const first = await sandbox.updateProduct(shop, productId, { title: "First edit" });
		const second = await sandbox.updateProduct(shop, productId, { title: "Second edit" });
		const ids = [first.body.deliveries[0].id, second.body.deliveries[0].id];

		const received = await eventually(
			async () => {
				const got = (await sandbox.received(bin)).body;
				return got.filter((r) => r.status === 200).length === 2 ? got : null;
			},
			60,
			250,
		);
		for (const id of ids) expect(received.filter((r) => r.webhookId === id).map((r) => r.status)).toEqual([500, 200]);
		// The outbox records a delivery's outcome after the receiver has answered, so it may lag a moment behind.
		const outbox = await eventually(
			async () => {
				const recorded = (await sandbox.deliveries(shop, { topic: "products/update" })).body;
				return recorded.length === 2 && recorded.every((d) => d.status !== "pending") ? recorded : null;
			},
			60,
			250,
		);
		expect(outbox.map((d) => [d.id, d.status, d.attempts])).toEqual([
			[ids[0], "delivered", 2],
			[ids[1], "delivered", 2],
		]);

		const before = received.length;
		const replay = await sandbox.replay(shop, { deliveryIds: ids, times: 2, reverse: true });
		expect(replay.status).toBe(200);
		expect(replay.body.sent.map((s: { id: string }) => s.id)).toEqual([ids[1], ids[0], ids[1], ids[0]]);
		const replayed = (await sandbox.received(bin)).body.slice(before);
		expect(replayed.map((r) => r.webhookId)).toEqual([ids[1], ids[0], ids[1], ids[0]]);
		const titles = replayed.map((r) => JSON.parse(r.body).title);
		expect(titles).toEqual(["Second edit", "First edit", "Second edit", "First edit"]);
		const original = outbox.find((d) => d.id === ids[1])!;
		expect(replayed[0].headers["x-shopify-hmac-sha256"]).toBe(original.headers["X-Shopify-Hmac-Sha256"]);
		expect(replayed[0].headers["x-shopify-event-id"]).toBe(original.eventId);
	});
});
