/**
 * Sync runs: an activation (every product a template claims that is still Not
 * synced), a manual sync of chosen products, or a re-sync of failed ones. A run
 * records its total; its progress is counted from product_sync by run id, so
 * counters cannot drift when messages are delivered twice.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { productSync, syncRuns } from "../db/schema";
import { cancelQueued } from "./product-sync-repo";
import type { Release } from "../pacing";
import type { QueueMessage } from "../jobs";

export type RunKind = "activation" | "manual" | "resync" | "webhook";

export async function createRun(
	db: Db,
	shopId: string,
	fields: { kind: RunKind; templateId: string | null; total: number; status: string; overrides?: unknown },
) {
	const now = Date.now();
	const id = crypto.randomUUID();
	await db.insert(syncRuns).values({
		shopId,
		id,
		templateId: fields.templateId,
		kind: fields.kind,
		status: fields.status,
		total: fields.total,
		overrides: fields.overrides === undefined ? null : JSON.stringify(fields.overrides),
		createdAt: now,
		updatedAt: now,
	});
	return id;
}

/** Queues products for a run (see the repository's queue transition). */
export { queue as markQueued } from "./product-sync-repo";

/** sendBatch takes at most 100 messages (and 256 KB; ours are ~150 bytes). */
export async function enqueueSyncs(
	queue: Queue,
	shopId: string,
	runId: string | null,
	products: { productId: string; generation: number }[],
	release?: Release,
) {
	const messages: MessageSendRequest<QueueMessage>[] = products.map((p, i) => ({
		body: { type: "sync.product", shopId, productId: p.productId, runId, generation: p.generation },
		...(release ? { delaySeconds: Math.max(0, Math.floor(((release.ahead + i) * release.spacingMs - release.leadMs) / 1000)) } : {}),
	}));
	for (let i = 0; i < messages.length; i += 100) await queue.sendBatch(messages.slice(i, i + 100));
}

/** Stops what has not started: the run is cancelled and its queued products return to Not synced. */
export async function cancelRunsOfTemplate(db: Db, shopId: string, templateId: string) {
	const now = Date.now();
	const runs = await db
		.update(syncRuns)
		.set({ status: "cancelled", finishedAt: now, updatedAt: now })
		.where(and(eq(syncRuns.shopId, shopId), eq(syncRuns.templateId, templateId), inArray(syncRuns.status, ["fanning_out", "running"])))
		.returning({ id: syncRuns.id });
	for (const run of runs) await cancelQueued(db, shopId, run.id, now);
	return runs.length;
}

/** The run's products queued and not yet attempted: the messages still ahead in the queue. */
export async function waitingInRun(db: Db, shopId: string, runId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(productSync)
		.where(
			and(eq(productSync.shopId, shopId), eq(productSync.runId, runId), eq(productSync.syncState, "queued"), eq(productSync.attempts, 0)),
		);
	return row?.n ?? 0;
}
