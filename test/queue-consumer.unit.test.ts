/**
 * The queue consumer settles every message explicitly: ack after success, retry
 * with a delay when the job asks for it, ack (loudly) a message that cannot
 * parse, record exhausted messages from the dead-letter queue as 'Sync failed',
 * and refuse a queue it does not know.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../worker/index";
import type { QueueMessage } from "../worker/jobs/messages";
import { seedInstalledShop, sessionFor, spyOnSyncQueue } from "./support/shopify";

const SHOP = "queue-consumer.myshopify.com";

async function run(queue: string, bodies: unknown[]) {
	const batch = createMessageBatch(
		queue,
		bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
	);
	const ctx = createExecutionContext();
	await worker.queue(batch, env, ctx);
	return getQueueResult(batch, ctx);
}

afterEach(() => vi.restoreAllMocks());

describe("the sync queue consumer", () => {
	it("consumes a message a route produced, and acks it explicitly", async () => {
		await seedInstalledShop(SHOP);
		const queue = spyOnSyncQueue();
		const res = await worker.fetch(
			new Request("http://app.test/api/settings/quota/resume", { method: "POST", headers: await sessionFor(SHOP) }),
			env,
			createExecutionContext(),
		);
		expect(res.status).toBe(200);
		const produced = queue.messages();
		expect(produced).toEqual([{ type: "shop.reconcile", shopId: SHOP }]);
		const result = await run("sync-jobs", produced);
		expect(result.explicitAcks).toEqual(["m0"]);
		expect(result.retryMessages).toEqual([]);
	});

	it("retries with a delay when the job asks (a product leased by another delivery)", async () => {
		await seedInstalledShop(SHOP);
		const now = Date.now();
		await env.DB.prepare(
			"INSERT INTO product_sync (shop_id, product_id, sync_state, generation, lease_until, lease_token, created_at, updated_at) VALUES (?, '42', 'syncing', 0, ?, 'other', ?, ?)",
		)
			.bind(SHOP, now + 60_000, now, now)
			.run();
		const body: QueueMessage = { type: "sync.product", shopId: SHOP, productId: "42", runId: null, generation: 0 };
		const retry = vi.fn();
		const batch = createMessageBatch("sync-jobs", [{ id: "m0", timestamp: new Date(), attempts: 1, body }]);
		batch.messages[0].retry = retry;
		await worker.queue(batch, env, createExecutionContext());
		expect(retry).toHaveBeenCalledTimes(1);
		expect(retry.mock.calls[0][0].delaySeconds).toBeGreaterThanOrEqual(60);
	});

	it("acks a message that cannot parse instead of retrying it forever", async () => {
		const result = await run("sync-jobs", [{ type: "nope" }]);
		expect(result.explicitAcks).toEqual(["m0"]);
	});

	it("refuses a queue it does not know (the whole batch is retried)", async () => {
		await expect(
			worker.queue(
				createMessageBatch("other-queue", [{ id: "x", timestamp: new Date(), attempts: 1, body: {} }]),
				env,
				createExecutionContext(),
			),
		).rejects.toThrow("Unknown queue");
	});
});

describe("the dead-letter consumer", () => {
	it("turns an exhausted sync message into 'Sync failed' with a reason, then acks it", async () => {
		await seedInstalledShop(SHOP);
		const now = Date.now();
		await env.DB.prepare(
			"INSERT INTO product_sync (shop_id, product_id, sync_state, created_at, updated_at) VALUES (?, '77', 'queued', ?, ?) ON CONFLICT DO NOTHING",
		)
			.bind(SHOP, now, now)
			.run();
		const body: QueueMessage = { type: "sync.product", shopId: SHOP, productId: "77", runId: null, generation: 0 };
		const result = await run("sync-jobs-dlq", [body]);
		expect(result.explicitAcks).toEqual(["m0"]);
		const row = await env.DB.prepare(
			"SELECT sync_state, last_error_code, last_error_fix FROM product_sync WHERE shop_id = ? AND product_id = '77'",
		)
			.bind(SHOP)
			.first();
		expect(row).toMatchObject({ sync_state: "failed", last_error_code: "RETRIES_EXHAUSTED" });
		expect(row?.last_error_fix).toBeTruthy();
	});
});
