/**
 * Reconcile finds stuck work by its own age: a product left queued (its message
 * lost) is re-sent once it has waited longer than a lease plus a margin, even
 * while review refreshes keep touching the shop's other products.
 */
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { productSync } from "../worker/db/schema";
import type { QueueMessage } from "../worker/jobs/messages";
import { reconcileShop } from "../worker/sync/jobs/reconcile";
import { seedInstalledShop } from "./support/shopify";

function capturingQueue() {
	const sent: QueueMessage[] = [];
	const queue = {
		send: async (body: QueueMessage) => void sent.push(body),
		sendBatch: async (batch: Iterable<MessageSendRequest<QueueMessage>>) => void sent.push(...[...batch].map((m) => m.body)),
	} as unknown as Queue;
	return { queue, sent };
}

const HOUR = 3_600_000;

async function reconcile(shop: string) {
	const { queue, sent } = capturingQueue();
	const testEnv = { ...env, SYNC_QUEUE: queue };
	const ctx = { env: testEnv, db: createDb(env.DB), executionCtx: createExecutionContext(), attempts: 1 };
	await reconcileShop({ type: "shop.reconcile", shopId: shop }, ctx as unknown as Parameters<typeof reconcileShop>[1]);
	return sent;
}

describe("reconcile re-sends stuck work", () => {
	it("re-sends a product queued long ago while the shop's other products are in review", async () => {
		const shop = "lost-message.myshopify.com";
		await seedInstalledShop(shop, { tiktokShopId: "7000000000000000001", tiktokRegion: "US" });
		const now = Date.now();
		const db = createDb(env.DB);
		await db.insert(productSync).values([
			{
				shopId: shop,
				productId: "1001",
				syncState: "queued",
				runId: "run-1",
				generation: 2,
				createdAt: now - 3 * HOUR,
				updatedAt: now - 2 * HOUR,
			},
			// Review refreshes touch these every few minutes.
			{
				shopId: shop,
				productId: "1002",
				syncState: "synced",
				reviewState: "in_review",
				tiktokProductId: "tt-2",
				createdAt: now - 3 * HOUR,
				updatedAt: now - 60_000,
			},
			{
				shopId: shop,
				productId: "1003",
				syncState: "synced",
				reviewState: "in_review",
				tiktokProductId: "tt-3",
				createdAt: now - 3 * HOUR,
				updatedAt: now,
			},
		]);
		const sent = await reconcile(shop);
		expect(sent).toContainEqual({ type: "sync.product", shopId: shop, productId: "1001", runId: "run-1", generation: 2 });
		expect(sent.filter((m) => m.type === "review.refresh")).toHaveLength(2);
	});

	it("leaves a product queued a moment ago alone (its message is still on its way)", async () => {
		const shop = "fresh-queue.myshopify.com";
		await seedInstalledShop(shop, { tiktokShopId: "7000000000000000002", tiktokRegion: "US" });
		const now = Date.now();
		await createDb(env.DB)
			.insert(productSync)
			.values({ shopId: shop, productId: "2001", syncState: "queued", runId: "run-2", createdAt: now - 60_000, updatedAt: now - 60_000 });
		const sent = await reconcile(shop);
		expect(sent.filter((m) => m.type === "sync.product")).toEqual([]);
	});

	it("re-sends a product whose lease expired (a consumer crashed mid-sync)", async () => {
		const shop = "crashed-lease.myshopify.com";
		await seedInstalledShop(shop, { tiktokShopId: "7000000000000000003", tiktokRegion: "US" });
		const now = Date.now();
		await createDb(env.DB)
			.insert(productSync)
			.values({
				shopId: shop,
				productId: "3001",
				syncState: "syncing",
				leaseUntil: now - 1000,
				leaseToken: "t",
				runId: null,
				createdAt: now - HOUR,
				updatedAt: now - 6 * 60_000,
			});
		const sent = await reconcile(shop);
		expect(sent).toContainEqual({ type: "sync.product", shopId: shop, productId: "3001", runId: null, generation: 0 });
	});
});

describe("reconcile takes a new inventory of the shop's TikTok listings", () => {
	const inventories = (sent: QueueMessage[]) => sent.filter((m) => m.type === "tiktok.inventory");
	it("when the last one is older than the connection, or than INVENTORY_EVERY_MS; not when it is recent", async () => {
		const now = Date.now();
		const cases: [string, { tiktokConnectedAt: number | null; tiktokInventoryAt: number | null }, number][] = [
			["never", { tiktokConnectedAt: now - HOUR, tiktokInventoryAt: null }, 1],
			["before-connect", { tiktokConnectedAt: now - HOUR, tiktokInventoryAt: now - 2 * HOUR }, 1],
			["old", { tiktokConnectedAt: now - 30 * HOUR, tiktokInventoryAt: now - 7 * HOUR }, 1],
			["recent", { tiktokConnectedAt: now - 2 * HOUR, tiktokInventoryAt: now - HOUR }, 0],
		];
		for (const [name, times, expected] of cases) {
			const shop = `inventory-${name}-${crypto.randomUUID().slice(0, 6)}.myshopify.com`;
			await seedInstalledShop(shop, { tiktokShopId: `7${Date.now()}${name.length}`, tiktokRegion: "US", ...times });
			const sent = inventories(await reconcile(shop));
			expect(sent, name).toHaveLength(expected);
			if (expected) expect(sent[0]).toMatchObject({ shopId: shop, pageToken: null });
		}
	});
});
