/**
 * `sync.fanout`: enqueue the next chunk of an activation. Activating a template
 * over 100,000 products cannot enqueue everything in one invocation, so each
 * message queues one chunk (ordered by product id, after the previous chunk's
 * last id) and then sends the next fan-out message: continuation through the
 * queue itself. Chunks respect sendBatch's 100 messages and D1's 100 parameters,
 * and the run's backlog (pacing/backlog.ts): when it is full, the same message
 * comes back a few seconds later instead. A chunk's messages become visible at
 * the pace the shop's budget will reach them.
 */
import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import { productSync, products, syncRuns } from "../../db/schema";
import { done, failed, type JobContext, type JobOutcome, type QueueMessage, type QueueMessageOf } from "../../jobs";
import { claimedBy, loadTemplatesWithRules } from "../../templates";
import { backlogTarget, minimumTopUp, RECHECK_SECONDS, releaseSchedule, writeRateOf } from "../../pacing";
import { enqueueSyncs, markQueued, waitingInRun } from "../runs";

export const FANOUT_CHUNK = 500;

export async function fanOut(message: QueueMessageOf<"sync.fanout">, ctx: JobContext): Promise<JobOutcome> {
	const { db, env } = ctx;
	const run = await db.query.syncRuns.findFirst({ where: and(eq(syncRuns.shopId, message.shopId), eq(syncRuns.id, message.runId)) });
	if (!run || run.status === "cancelled" || !run.templateId) return done;
	const templates = await loadTemplatesWithRules(db, message.shopId);
	const claim = claimedBy(message.shopId, run.templateId, templates);
	if (!claim.ok) return failed({ code: "TEMPLATE_GONE", message: "The template of this run no longer exists." });
	// An inactive template keeps its products for a manual sync: a run that outlives its deactivation queues none.
	const syncable = templates.some((t) => t.id === run.templateId && t.isActive) ? claim.where : sql`(0)`;
	const writeRate = await writeRateOf(env, message.shopId);
	const target = backlogTarget(writeRate);
	const waiting = await waitingInRun(db, message.shopId, run.id);
	const room = target - waiting;
	if (room < minimumTopUp(target)) {
		await env.SYNC_QUEUE.send(message, { delaySeconds: RECHECK_SECONDS });
		return done;
	}
	const limit = Math.min(FANOUT_CHUNK, room);
	const chunk = await db
		.select({ id: products.id })
		.from(products)
		.innerJoin(productSync, and(eq(productSync.shopId, products.shopId), eq(productSync.productId, products.id)))
		.where(
			and(
				syncable,
				message.after ? gt(products.id, message.after) : undefined,
				or(eq(productSync.syncState, "not_synced"), and(eq(productSync.syncState, "queued"), eq(productSync.runId, run.id))),
			),
		)
		.orderBy(asc(products.id))
		.limit(limit);
	const queued = await markQueued(
		db,
		message.shopId,
		chunk.map((p) => p.id),
		{ id: run.id, templateId: run.templateId },
		["not_synced"],
	);
	await enqueueSyncs(env.SYNC_QUEUE, message.shopId, run.id, queued, releaseSchedule(writeRate, waiting));
	const last = chunk.at(-1)?.id;
	if (chunk.length === limit && last) {
		const next: QueueMessage = { type: "sync.fanout", shopId: message.shopId, runId: run.id, after: last };
		await env.SYNC_QUEUE.send(next);
		await db
			.update(syncRuns)
			.set({ cursor: last, updatedAt: Date.now() })
			.where(and(eq(syncRuns.shopId, message.shopId), eq(syncRuns.id, run.id)));
	} else {
		await db
			.update(syncRuns)
			.set({ status: "running", cursor: last ?? run.cursor, updatedAt: Date.now() })
			.where(and(eq(syncRuns.shopId, message.shopId), eq(syncRuns.id, run.id), inArray(syncRuns.status, ["fanning_out"])));
	}
	return done;
}
