/**
 * Exactly one TikTok listing per Shopify product, whatever arrives twice or gets
 * lost: a sync message delivered twice at once, a Shopify webhook delivered three
 * times, and a create whose answer is lost. Counted in the TikTok sandbox.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import worker from "../worker/index";
import type { QueueMessage } from "../worker/jobs/messages";
import { replayDelivery, runQueuedJobs, sandbox, sandboxDeliveries, spyOnSyncQueue } from "./support/shopify";
import { api, deliver, inspectSeller, plainLeaf, sellerFaults, setUpShop, type SyncShop, syncRows, templateBodyFor } from "./support/sync";
import { vi } from "vitest";

let ctx: SyncShop;
let category: string;

beforeAll(async () => {
	ctx = await setUpShop("exactly-once", { productCount: 8 });
	category = await plainLeaf(ctx.shop, "candle");
	const template = await api(ctx.shop, "POST", "/api/templates", {
		...(await templateBodyFor(ctx.shop, category)),
		name: "Default",
		isDefault: true,
	});
	expect(template.status, JSON.stringify(template.body)).toBe(201);
	ctx = { ...ctx, templateId: template.body.id } as SyncShop & { templateId: string };
}, 120_000);

afterEach(() => {
	vi.restoreAllMocks();
});

async function queuedSyncMessages(): Promise<QueueMessage[]> {
	const queue = spyOnSyncQueue();
	const activated = await api(ctx.shop, "POST", `/api/templates/${(ctx as SyncShop & { templateId: string }).templateId}/activate`);
	expect(activated.status).toBe(202);
	await runQueuedJobs(queue, ["sync.fanout"]);
	const messages = queue.messages().filter((m) => m.type === "sync.product");
	vi.restoreAllMocks();
	return messages;
}

describe("exactly one listing", () => {
	let messages: QueueMessage[] = [];

	it("the same sync message delivered twice at once: one proceeds, the other waits, one listing", async () => {
		messages = await queuedSyncMessages();
		expect(messages.length).toBeGreaterThan(2);
		const [first] = messages;
		const batch = createMessageBatch("sync-jobs", [
			{ id: "a", timestamp: new Date(), attempts: 1, body: first },
			{ id: "b", timestamp: new Date(), attempts: 1, body: first },
		]);
		const run = createExecutionContext();
		await worker.queue(batch, env, run);
		const result = await getQueueResult(batch, run);
		expect(result.explicitAcks).toHaveLength(1);
		expect(result.retryMessages).toHaveLength(1);
		// The retried delivery finds the product listed and does nothing.
		expect(await deliver(first, 2)).toEqual({ acked: true, retried: false });
		const seller = await inspectSeller(ctx.sellerId);
		expect(seller.listings).toHaveLength(1);
		expect(seller.duplicates).toBe(0);
	});

	it("a create whose answer is lost is found by seller SKU and adopted, not created again", async () => {
		const second = messages[1];
		await sellerFaults(ctx.sellerId, { lostAnswerRate: 1, slowMs: 3000, seed: 1 });
		const lost = await deliver(second);
		expect(lost).toEqual({ acked: false, retried: true });
		const pending = (await syncRows(ctx.shop)).find((r) => r.product_id === (second as { productId: string }).productId);
		expect(pending?.sync_state).toBe("queued");
		await sellerFaults(ctx.sellerId, {});
		expect(await deliver(second, 2)).toEqual({ acked: true, retried: false });
		const row = (await syncRows(ctx.shop)).find((r) => r.product_id === (second as { productId: string }).productId);
		expect(row?.sync_state).toBe("synced");
		const seller = await inspectSeller(ctx.sellerId);
		expect(seller.listings).toHaveLength(2);
		expect(seller.duplicates).toBe(0);
		expect(seller.listings.map((l: { product_id: string }) => l.product_id)).toContain(row?.tiktok_product_id);
	});

	it("a second activation and redelivered messages list nothing twice", async () => {
		for (const message of messages) await deliver(message);
		for (const message of messages) await deliver(message, 2);
		const again = await queuedSyncMessages();
		expect(again).toHaveLength(0);
		const rows = await syncRows(ctx.shop);
		const listed = rows.filter((r) => r.tiktok_product_id);
		const seller = await inspectSeller(ctx.sellerId);
		expect(seller.duplicates).toBe(0);
		expect(seller.listings).toHaveLength(listed.length);
	});

	it("a new product's webhook delivered three times is confirmed with Shopify, queued once and listed once", async () => {
		const created = await sandbox().createProduct(ctx.shop, {
			title: "Lavender Soy Candle Deluxe",
			descriptionHtml: "<p>Hand poured.</p>",
			vendor: "Glow Co",
			productType: "Candles",
			tags: ["home", "candle"],
			optionNames: ["Title"],
			variants: [{ options: ["Default Title"], price: "18.00", sku: "CANDLE-DELUXE", inventoryQuantity: 7 }],
			images: [{ width: 800, height: 800 }],
		});
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		const gid: string = created.body.product.id;
		const id = gid.split("/").pop()!;
		const [create] = (await sandboxDeliveries(ctx.shop, { topic: "products/create" })).filter(
			(d) => JSON.parse(d.body).admin_graphql_api_id === gid,
		);
		const queue = spyOnSyncQueue();
		// The same delivery (one webhook id) three times: a create is confirmed through the Admin API before it is stored.
		for (let i = 0; i < 3; i++) {
			const res = await replayDelivery(create);
			expect(res.status).toBe(200);
		}
		await runQueuedJobs(queue, ["product.complete", "product.changed", "sync.product"]);
		const changed = queue.messages().filter((m) => m.type === "product.changed");
		expect(changed).toHaveLength(1);
		const row = (await syncRows(ctx.shop)).find((r) => r.product_id === id);
		expect(row?.sync_state).toBe("synced");
		const seller = await inspectSeller(ctx.sellerId);
		expect(seller.listings.filter((l: { external_product_id: string }) => l.external_product_id === gid)).toHaveLength(1);
		expect(seller.duplicates).toBe(0);
	});
});
