/**
 * Activating a template over a 100,000-product catalogue enqueues every product
 * it claims exactly once, in sendBatch calls within the queue's limits (100
 * messages, 256 KB), continuing through the queue itself and never holding more
 * than the run's backlog target in the queue. The catalogue is
 * generated inside D1 with one recursive INSERT per table.
 */
import { env } from "cloudflare:workers";
import { beforeAll, expect, it, vi } from "vitest";
import { backlogTarget } from "../worker/pacing/backlog";
import { RECHECK_SECONDS } from "../worker/pacing/policy";
import { type JobRun, runQueuedJobs, seedInstalledShop, spyOnSyncQueue } from "./support/shopify";
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

	// The consumer is played by the test: after every second fan-out run it takes
	// what is queued (marks it synced), so the backlog fills, waits, and drains.
	const target = backlogTarget(50);
	const runs: JobRun[] = [];
	let mostWaiting = 0;
	for (let step = 0; step < 1000; step++) {
		const ran = await runQueuedJobs(queue, ["sync.fanout"], 1);
		if (ran.length === 0) break;
		runs.push(...ran);
		const { results: waiting } = await env.DB.prepare(
			"SELECT count(*) AS n FROM product_sync WHERE shop_id = ? AND sync_state = 'queued' AND attempts = 0",
		)
			.bind(SHOP)
			.all<{ n: number }>();
		mostWaiting = Math.max(mostWaiting, waiting[0].n);
		if (step % 2 === 1)
			await env.DB.prepare("UPDATE product_sync SET sync_state = 'synced', attempts = 1 WHERE shop_id = ? AND sync_state = 'queued'")
				.bind(SHOP)
				.run();
	}
	await env.DB.prepare("UPDATE product_sync SET sync_state = 'synced', attempts = 1 WHERE shop_id = ? AND sync_state = 'queued'")
		.bind(SHOP)
		.run();
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
	// The backlog never exceeded its target, and a full backlog sent the fan-out back with a delay.
	expect(mostWaiting).toBeLessThanOrEqual(target);
	const rechecks = queue.requests().filter((r) => r.body.type === "sync.fanout" && r.delaySeconds === RECHECK_SECONDS);
	expect(rechecks.length).toBeGreaterThan(0);
	// Continuation through the queue: at least one fan-out run per backlog's worth.
	expect(runs.length).toBeGreaterThanOrEqual(Math.ceil(expected / target));

	const { results } = await env.DB.prepare(
		"SELECT sync_state, count(*) AS n FROM product_sync WHERE shop_id = ? GROUP BY sync_state ORDER BY sync_state",
	)
		.bind(SHOP)
		.all();
	expect(results).toEqual([
		{ sync_state: "not_synced", n: SIZE - expected },
		{ sync_state: "synced", n: expected },
	]);
	vi.restoreAllMocks();

	// A second activation finds nothing left to queue.
	const again = await api<{ queued: number }>(SHOP, "POST", `/api/templates/${template.body.id}/activate`);
	expect(again.body.queued).toBe(0);
}, 300_000);
