/**
 * Activating a template over a 100,000-product catalogue enqueues every product
 * it claims exactly once, in sendBatch calls within the queue's limits (100
 * messages, 256 KB), continuing through the queue itself. The catalogue is
 * generated inside D1 with one recursive INSERT per table.
 */
import { env } from "cloudflare:workers";
import { beforeAll, expect, it, vi } from "vitest";
import { runQueuedJobs, seedInstalledShop, spyOnSyncQueue } from "./support/shopify";
import { api, plainLeaf, templateBodyFor } from "./support/sync";
import { connectTikTokShop } from "./support/tiktok";

const SHOP = "fanout-scale.myshopify.com";
const SIZE = 100_000;

beforeAll(async () => {
	await seedInstalledShop(SHOP);
	await connectTikTokShop(SHOP);
	const now = Date.now();
	// Every 4th product is a candle; every 10th is a draft (not listable).
	await env.DB.prepare(
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		 INSERT INTO products (shop_id, id, gid, title, status, product_type, shopify_updated_at, search_title, search_type, variant_count, created_at, updated_at)
		 SELECT ?, CAST(1000000 + i AS TEXT), 'gid://shopify/Product/' || (1000000 + i), 'Product ' || i,
		        CASE WHEN i % 10 = 0 THEN 'draft' ELSE 'active' END,
		        CASE WHEN i % 4 = 0 THEN 'Candles' ELSE 'Mugs' END, ?, 'product ' || i,
		        CASE WHEN i % 4 = 0 THEN 'candles' ELSE 'mugs' END, 1, ?, ? FROM n`,
	)
		.bind(SIZE, SHOP, now, now, now)
		.run();
	await env.DB.prepare(
		`INSERT INTO product_sync (shop_id, product_id, created_at, updated_at) SELECT shop_id, id, ?, ? FROM products WHERE shop_id = ?`,
	)
		.bind(now, now, SHOP)
		.run();
}, 120_000);

it("enqueues every claimed product exactly once, in chunks within the queue's batch limits", async () => {
	const category = await plainLeaf(SHOP, "candle");
	const template = await api(SHOP, "POST", "/api/templates", {
		...(await templateBodyFor(SHOP, category)),
		name: "Candles",
		isDefault: false,
		match: "all",
		rules: [{ column: "product_type", relation: "equals", condition: "candles" }],
	});
	expect(template.status, JSON.stringify(template.body)).toBe(201);
	const queue = spyOnSyncQueue();
	const activated = await api<{ queued: number }>(SHOP, "POST", `/api/templates/${template.body.id}/activate`);
	// i % 4 = 0 and not i % 10 = 0: multiples of 4 that are not multiples of 20.
	const expected = SIZE / 4 - SIZE / 20;
	expect(activated.body.queued).toBe(expected);

	const runs = await runQueuedJobs(queue, ["sync.fanout"], 1000);
	expect(runs.every((r) => r.acked)).toBe(true);
	const syncs = queue.messages().filter((m) => m.type === "sync.product");
	const ids = syncs.map((m) => (m.type === "sync.product" ? m.productId : ""));
	expect(ids).toHaveLength(expected);
	expect(new Set(ids).size).toBe(expected);
	expect(ids.every((id) => Number(id) % 4 === 0 && Number(id) % 20 !== 0)).toBe(true);

	for (const [batch] of queue.sendBatch.mock.calls) {
		const messages = [...batch];
		expect(messages.length).toBeLessThanOrEqual(100);
		expect(new TextEncoder().encode(JSON.stringify(messages.map((m) => m.body))).byteLength).toBeLessThan(256_000);
	}
	// The continuation went through the queue: one fan-out message per chunk of 500.
	expect(runs.length).toBe(Math.ceil(expected / 500) + (expected % 500 === 0 ? 1 : 0));

	const { results } = await env.DB.prepare("SELECT sync_state, count(*) AS n FROM product_sync WHERE shop_id = ? GROUP BY sync_state ORDER BY sync_state").bind(SHOP).all();
	expect(results).toEqual([
		{ sync_state: "not_synced", n: SIZE - expected },
		{ sync_state: "queued", n: expected },
	]);
	vi.restoreAllMocks();

	// A second activation finds nothing left to queue.
	const again = await api<{ queued: number }>(SHOP, "POST", `/api/templates/${template.body.id}/activate`);
	expect(again.body.queued).toBe(0);
}, 300_000);
