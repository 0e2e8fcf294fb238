/**
 * `shop.reconcile` (every 15 minutes per connected shop, from the cron):
 * - resumes creates once a quota pause has passed, re-queuing 'Waiting for quota'
 *   products in chunks (continuing through the queue when there are many);
 * - re-sends products stuck in 'queued' or in an expired 'syncing' lease (a lost
 *   message or a crashed consumer), which the lease makes safe;
 * - refreshes review states that webhooks may have missed (TikTok's delivery is
 *   at-least-once and can be lost);
 * - forgets webhook receipts older than 72 hours (Shopify retries for 4 hours and
 *   delivers late by up to a day; older duplicates cannot arrive).
 */
import { and, asc, eq, inArray, lt, max, or } from "drizzle-orm";
import { productSync, shops, webhookReceipts } from "../../db/schema";
import type { JobContext } from "../../queue/job-context";
import type { QueueMessage, QueueMessageOf } from "../../queue/messages";
import { done, type JobOutcome } from "../../queue/outcome";
import { isQuotaPaused, resumeQuota } from "../quota";
import { enqueueSyncs, markQueued } from "../runs";

export const RECONCILE_CHUNK = 500;
export const STUCK_AFTER_MS = 30 * 60_000;
export const RECEIPTS_KEPT_MS = 72 * 3_600_000;
const REVIEW_REFRESH_LIMIT = 100;

export async function reconcileShop(message: QueueMessageOf<"shop.reconcile">, ctx: JobContext): Promise<JobOutcome> {
	const { db, env } = ctx;
	const shopId = message.shopId;
	const shop = await db.query.shops.findFirst({ where: eq(shops.id, shopId) });
	if (!shop || shop.uninstalledAt) return done;
	const now = Date.now();
	let more = false;
	await db.delete(webhookReceipts).where(and(eq(webhookReceipts.shopId, shopId), lt(webhookReceipts.receivedAt, now - RECEIPTS_KEPT_MS)));
	if (!shop.tiktokShopId) return done;

	if (!isQuotaPaused(shop, now)) {
		if (shop.listingQuotaPausedUntil) await resumeQuota(db, shopId);
		const waiting = await db
			.select({ productId: productSync.productId, runId: productSync.runId, templateId: productSync.templateId })
			.from(productSync)
			.where(and(eq(productSync.shopId, shopId), eq(productSync.syncState, "waiting_quota")))
			.limit(RECONCILE_CHUNK);
		for (const [runId, rows] of Map.groupBy(waiting, (r) => r.runId)) {
			const queued = await markQueued(db, shopId, rows.map((r) => r.productId), { id: runId, templateId: rows[0].templateId }, ["waiting_quota"]);
			await enqueueSyncs(env.SYNC_QUEUE, shopId, runId, queued);
		}
		more = waiting.length === RECONCILE_CHUNK;
	}

	// A long backlog legitimately waits for hours; 'queued' is stuck only when the shop made no progress lately.
	const stale = now - STUCK_AFTER_MS;
	const [progress] = await db
		.select({ last: max(productSync.updatedAt) })
		.from(productSync)
		.where(and(eq(productSync.shopId, shopId), inArray(productSync.syncState, ["synced", "failed", "waiting_quota"])));
	const stalled = (progress?.last ?? 0) < stale;
	const stuck = await db
		.select({ productId: productSync.productId, runId: productSync.runId, generation: productSync.generation })
		.from(productSync)
		.where(
			and(
				eq(productSync.shopId, shopId),
				or(
					stalled ? and(eq(productSync.syncState, "queued"), lt(productSync.updatedAt, stale)) : undefined,
					and(eq(productSync.syncState, "syncing"), lt(productSync.leaseUntil, now)),
				),
			),
		)
		.limit(RECONCILE_CHUNK);
	for (const [runId, rows] of Map.groupBy(stuck, (r) => r.runId)) {
		await enqueueSyncs(env.SYNC_QUEUE, shopId, runId, rows);
	}

	const reviewing = await db
		.select({ tiktokProductId: productSync.tiktokProductId })
		.from(productSync)
		.where(and(eq(productSync.shopId, shopId), inArray(productSync.reviewState, ["in_review", "pending_category_approval"])))
		.orderBy(asc(productSync.updatedAt))
		.limit(REVIEW_REFRESH_LIMIT);
	const refreshes: MessageSendRequest<QueueMessage>[] = reviewing
		.filter((r): r is { tiktokProductId: string } => !!r.tiktokProductId)
		.map((r) => ({ body: { type: "review.refresh", shopId, tiktokProductId: r.tiktokProductId } }));
	for (let i = 0; i < refreshes.length; i += 100) await env.SYNC_QUEUE.sendBatch(refreshes.slice(i, i + 100));

	if (more) await env.SYNC_QUEUE.send({ type: "shop.reconcile", shopId } satisfies QueueMessage);
	return done;
}
