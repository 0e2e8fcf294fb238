/**
 * `shop.reconcile` (every 15 minutes per connected shop, from the cron), four chores:
 * - forget webhook receipts older than 72 hours (Shopify retries for 4 hours and
 *   delivers late by up to a day; older duplicates cannot arrive);
 * - resume creates once a quota pause has passed, re-queuing 'Waiting for quota'
 *   products in chunks (continuing through the queue when there are many);
 * - re-send stuck work (a lost message or a crashed consumer), which the lease
 *   makes safe;
 * - refresh review states that webhooks may have missed (TikTok's delivery is
 *   at-least-once and can be lost);
 * - take a new inventory of the shop's TikTok listings when the last one is
 *   older than the connection or than INVENTORY_EVERY_MS (sync/linking/).
 */
import { and, asc, eq, inArray, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { productSync, type Shop, webhookReceipts } from "../../db/schema";
import { findShop } from "../../shops";
import { done, type JobContext, type JobOutcome, MAX_BACKOFF_MS, type QueueMessage, type QueueMessageOf } from "../../jobs";
import { startInventory } from "../linking";
import { INVENTORY_EVERY_MS } from "../../pacing";
import { LEASE_MS } from "../product-sync-repo";
import { isQuotaPaused, resumeQuota } from "../quota";
import { enqueueSyncs, markQueued } from "../runs";

export const RECONCILE_CHUNK = 500;
/**
 * A product queued this long ago whose message never came is stuck: longer than
 * any attempt holds it (the lease) plus the longest wait the queue gives a
 * retried message. Its own age decides, not the shop's other products: review
 * refreshes touch those all the time.
 */
export const STUCK_AFTER_MS = LEASE_MS + MAX_BACKOFF_MS;
export const RECEIPTS_KEPT_MS = 72 * 3_600_000;
const REVIEW_REFRESH_LIMIT = 100;

async function forgetOldReceipts(db: Db, shopId: string, now: number) {
	await db.delete(webhookReceipts).where(and(eq(webhookReceipts.shopId, shopId), lt(webhookReceipts.receivedAt, now - RECEIPTS_KEPT_MS)));
}

/** Returns true when more products wait than one chunk re-queued. */
async function resumeAfterQuota(ctx: JobContext, shop: Shop, now: number): Promise<boolean> {
	if (isQuotaPaused(shop, now)) return false;
	if (shop.listingQuotaPausedUntil) await resumeQuota(ctx.db, shop.id);
	const waiting = await ctx.db
		.select({ productId: productSync.productId, runId: productSync.runId, templateId: productSync.templateId })
		.from(productSync)
		.where(and(eq(productSync.shopId, shop.id), eq(productSync.syncState, "waiting_quota")))
		.limit(RECONCILE_CHUNK);
	for (const [runId, rows] of Map.groupBy(waiting, (r) => r.runId)) {
		const queued = await markQueued(
			ctx.db,
			shop.id,
			rows.map((r) => r.productId),
			{ id: runId, templateId: rows[0].templateId },
			["waiting_quota"],
		);
		await enqueueSyncs(ctx.env.SYNC_QUEUE, shop.id, runId, queued);
	}
	return waiting.length === RECONCILE_CHUNK;
}

async function resendStuck(ctx: JobContext, shopId: string, now: number) {
	const stuck = await ctx.db
		.select({ productId: productSync.productId, runId: productSync.runId, generation: productSync.generation })
		.from(productSync)
		.where(
			and(
				eq(productSync.shopId, shopId),
				or(
					and(eq(productSync.syncState, "queued"), lt(productSync.updatedAt, now - STUCK_AFTER_MS)),
					and(eq(productSync.syncState, "syncing"), lt(productSync.leaseUntil, now)),
				),
			),
		)
		.limit(RECONCILE_CHUNK);
	for (const [runId, rows] of Map.groupBy(stuck, (r) => r.runId)) await enqueueSyncs(ctx.env.SYNC_QUEUE, shopId, runId, rows);
}

async function refreshReviews(ctx: JobContext, shopId: string) {
	const reviewing = await ctx.db
		.select({ tiktokProductId: productSync.tiktokProductId })
		.from(productSync)
		.where(and(eq(productSync.shopId, shopId), inArray(productSync.reviewState, ["in_review", "pending_category_approval"])))
		.orderBy(asc(productSync.updatedAt))
		.limit(REVIEW_REFRESH_LIMIT);
	const refreshes: MessageSendRequest<QueueMessage>[] = reviewing
		.filter((r): r is { tiktokProductId: string } => !!r.tiktokProductId)
		.map((r) => ({ body: { type: "review.refresh", shopId, tiktokProductId: r.tiktokProductId } }));
	for (let i = 0; i < refreshes.length; i += 100) await ctx.env.SYNC_QUEUE.sendBatch(refreshes.slice(i, i + 100));
}

export async function reconcileShop(message: QueueMessageOf<"shop.reconcile">, ctx: JobContext): Promise<JobOutcome> {
	const shop = await findShop(ctx.db, message.shopId);
	if (!shop || shop.uninstalledAt) return done;
	const now = Date.now();
	await forgetOldReceipts(ctx.db, shop.id, now);
	if (!shop.tiktokShopId) return done;
	const more = await resumeAfterQuota(ctx, shop, now);
	await resendStuck(ctx, shop.id, now);
	await refreshReviews(ctx, shop.id);
	const inventoryAt = shop.tiktokInventoryAt ?? 0;
	if (inventoryAt < (shop.tiktokConnectedAt ?? 0) || inventoryAt < now - INVENTORY_EVERY_MS)
		await startInventory(ctx.env.SYNC_QUEUE, shop.id, now);
	if (more) await ctx.env.SYNC_QUEUE.send({ type: "shop.reconcile", shopId: shop.id } satisfies QueueMessage);
	return done;
}
