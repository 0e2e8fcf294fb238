import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../worker/db/client";
import { products, variants, webhookReceipts } from "../worker/db/schema";
import { deliverWebhook, seedInstalledShop, shopRowCounts, spyOnSyncQueue } from "./support/shopify";
import { seedKnownProduct } from "./support/shopify-known-product";
import { restProductPayload, shopifyJson } from "./support/shopify-payloads";

const SHOP = "ingest-store.myshopify.com";
const db = createDb(env.DB);
let queue: ReturnType<typeof spyOnSyncQueue>;
const sent = () => queue.messages() as Extract<ReturnType<typeof queue.messages>[number], { productId: string }>[];

beforeEach(async () => {
	await seedInstalledShop(SHOP);
	queue = spyOnSyncQueue();
});
afterEach(() => vi.restoreAllMocks());

/** Updates are only taken for products the shop already has: each test starts from an older version. */
const known = (id: bigint, variants?: { id: bigint }[]) =>
	seedKnownProduct(SHOP, restProductPayload({ id, title: "Imported", updatedAt: "2026-01-01T00:00:00Z", variants }));
const product = (id: string) =>
	db
		.select()
		.from(products)
		.where(and(eq(products.shopId, SHOP), eq(products.id, id)));

describe("POST /webhooks/shopify products/update", () => {
	it("stores a delivery once even when Shopify delivers it three times", async () => {
		await known(788032119674292922n);
		const body = shopifyJson(restProductPayload({ id: 788032119674292922n, title: "Tee", updatedAt: "2026-02-01T10:00:00Z" }));
		const answers = [];
		for (let i = 0; i < 3; i++) {
			const res = await deliverWebhook("products/update", SHOP, body, { webhookId: "wh-1", eventId: "ev-1" });
			answers.push([res.status, (await res.json<{ outcome: string }>()).outcome]);
		}
		expect(answers).toEqual([
			[200, "stored"],
			[200, "duplicate"],
			[200, "duplicate"],
		]);
		const [row] = await product("788032119674292922");
		expect([row.title, row.gid]).toEqual(["Tee", "gid://shopify/Product/788032119674292922"]);
		expect(sent()).toEqual([{ type: "product.changed", shopId: SHOP, productId: "788032119674292922", reason: "products/update" }]);
		const receipts = await db.select().from(webhookReceipts).where(eq(webhookReceipts.shopId, SHOP));
		expect(receipts.filter((r) => r.deliveryId === "wh-1")).toHaveLength(1);
	});

	it("treats a new webhook id with a known (topic, event id) as a duplicate", async () => {
		await known(1001n);
		const body = shopifyJson(restProductPayload({ id: 1001n, title: "First", updatedAt: "2026-02-01T10:00:00Z" }));
		await deliverWebhook("products/update", SHOP, body, { webhookId: "wh-2a", eventId: "ev-2" });
		const retry = shopifyJson(restProductPayload({ id: 1001n, title: "Second", updatedAt: "2026-02-01T11:00:00Z" }));
		const res = await deliverWebhook("products/update", SHOP, retry, { webhookId: "wh-2b", eventId: "ev-2" });
		expect(await res.json()).toMatchObject({ outcome: "duplicate" });
		expect((await product("1001"))[0].title).toBe("First");
	});

	it("never lets an older updated_at overwrite newer data, whatever the arrival order", async () => {
		await known(2002n, [{ id: 20021n }]);
		const newer = shopifyJson(
			restProductPayload({ id: 2002n, title: "Newer", updatedAt: "2026-03-01T12:00:00Z", variants: [{ id: 20021n, price: "30.00" }] }),
		);
		const older = shopifyJson(
			restProductPayload({
				id: 2002n,
				title: "Older",
				updatedAt: "2026-03-01T11:00:00Z",
				variants: [{ id: 20021n, price: "10.00" }, { id: 20022n }],
			}),
		);
		expect(await (await deliverWebhook("products/update", SHOP, newer)).json()).toMatchObject({ outcome: "stored" });
		const before = await shopRowCounts(SHOP);
		expect(await (await deliverWebhook("products/update", SHOP, older)).json()).toMatchObject({ outcome: "stale" });
		const [row] = await product("2002");
		expect([row.title, row.priceMin]).toEqual(["Newer", 30]);
		const vs = await db
			.select()
			.from(variants)
			.where(and(eq(variants.shopId, SHOP), eq(variants.productId, "2002")));
		expect(vs.map((v) => [v.id, v.price])).toEqual([["20021", "30.00"]]);
		// The stale delivery left only its receipt.
		expect(await shopRowCounts(SHOP)).toEqual({ ...before, webhook_receipts: before.webhook_receipts + 1 });
		expect(sent().filter((m) => m.productId === "2002")).toHaveLength(1);
	});

	it("an update that changes nothing we keep writes nothing, but still hands the product to the sync job", async () => {
		await known(3003n);
		const body = shopifyJson(restProductPayload({ id: 3003n, updatedAt: "2026-03-02T00:00:00Z" }));
		await deliverWebhook("products/update", SHOP, body);
		// Another event (new webhook and event ids) with the same content.
		const res = await deliverWebhook("products/update", SHOP, body);
		expect(await res.json()).toMatchObject({ outcome: "unchanged" });
		// The job compares fingerprints and sends nothing to TikTok; it must run anyway, because this may be
		// Shopify's retry of a delivery whose product was stored but whose message could not be sent.
		expect(sent().filter((m) => m.productId === "3003")).toHaveLength(2);
	});

	it("marks a product cut at 100 variants incomplete and asks for its completion (a create of a product the shop has is taken from its body)", async () => {
		await known(4004n);
		const body = shopifyJson(restProductPayload({ id: 4004n, updatedAt: "2026-03-03T00:00:00Z", extraVariantGids: [40049n] }));
		await deliverWebhook("products/create", SHOP, body);
		expect((await product("4004"))[0].variantsIncomplete).toBe(true);
		expect(
			sent()
				.filter((m) => m.productId === "4004")
				.map((m) => m.type),
		).toEqual(["product.changed", "product.complete"]);
	});

	it("soft-deletes on products/delete (id read exactly from the bare JSON number), keeping the sync row", async () => {
		await seedKnownProduct(SHOP, restProductPayload({ id: 9007199254740993n, updatedAt: "2026-03-04T00:00:00Z" }));
		const res = await deliverWebhook("products/delete", SHOP, shopifyJson({ id: 9007199254740993n }));
		expect(await res.json()).toMatchObject({ outcome: "deleted" });
		const [row] = await product("9007199254740993");
		expect(row.deletedAt).not.toBeNull();
		expect(
			sent()
				.filter((m) => m.productId === "9007199254740993")
				.map((m) => ("reason" in m ? m.reason : m.type)),
		).toEqual(["products/delete"]);
		// A late update of the deleted product does not bring it back.
		const late = await deliverWebhook(
			"products/update",
			SHOP,
			shopifyJson(restProductPayload({ id: 9007199254740993n, updatedAt: "2026-03-05T00:00:00Z" })),
		);
		expect(await late.json()).toMatchObject({ outcome: "stale" });
	});
});

describe("POST /webhooks/shopify when the queue refuses the follow-up job", () => {
	it("answers 500 and keeps no receipt, so Shopify's retry is processed rather than dropped as a duplicate", async () => {
		await known(6006n);
		const body = shopifyJson(restProductPayload({ id: 6006n, updatedAt: "2026-03-06T00:00:00Z" }));
		queue.sendBatch.mockRejectedValueOnce(new Error("queue unavailable"));
		const failed = await deliverWebhook("products/update", SHOP, body, { webhookId: "wh-6", eventId: "ev-6" });
		expect(failed.status).toBe(500);
		expect(await failed.json()).toMatchObject({ error: { code: "INTERNAL" } });
		expect(
			await db
				.select()
				.from(webhookReceipts)
				.where(and(eq(webhookReceipts.shopId, SHOP), eq(webhookReceipts.deliveryId, "wh-6"))),
		).toEqual([]);

		const retry = await deliverWebhook("products/update", SHOP, body, { webhookId: "wh-6", eventId: "ev-6" });
		expect(retry.status).toBe(200);
		expect(await retry.json()).not.toMatchObject({ outcome: "duplicate" });
	});
});
