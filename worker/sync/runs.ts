/**
 * Sync runs: an activation (every product a template claims that is still Not
 * synced), a manual sync of chosen products, or a re-sync of failed ones. A run
 * records its total; its progress is counted from product_sync by run id, so
 * counters cannot drift when messages are delivered twice.
 */
import { and, count, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { productSync, syncRuns } from "../db/schema";
import type { Release } from "../pacing/backlog";
import type { QueueMessage } from "../queue/messages";

export type RunKind = "activation" | "manual" | "resync" | "webhook";

export async function createRun(db: Db, shopId: string, fields: { kind: RunKind; templateId: string | null; total: number; status: string; overrides?: unknown }) {
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

/** ≤ 90 ids per statement keeps each UPDATE under D1's 100 bound parameters. */
const ID_CHUNK = 90;

/**
 * Marks products queued for a run and returns those that moved (with their
 * generation). Only products in `from` states move, so a second activation or a
 * redelivered fan-out message never queues a product twice; products already
 * queued by this same run are returned again so a retried fan-out resends them.
 */
export async function markQueued(
	db: Db,
	shopId: string,
	productIds: string[],
	run: { id: string | null; templateId: string | null },
	from: ("not_synced" | "failed" | "waiting_quota")[],
	options: { bumpGeneration?: boolean } = {},
): Promise<{ productId: string; generation: number }[]> {
	const moved: { productId: string; generation: number }[] = [];
	const now = Date.now();
	for (let i = 0; i < productIds.length; i += ID_CHUNK) {
		const ids = productIds.slice(i, i + ID_CHUNK);
		const rows = await db
			.update(productSync)
			.set({
				syncState: "queued",
				runId: run.id,
				templateId: run.templateId,
				attempts: 0,
				updatedAt: now,
				// createInFlightKey survives a new generation: a create whose answer was lost must still be searched for.
				...(options.bumpGeneration ? { generation: sql`${productSync.generation} + 1` } : {}),
			})
			.where(
				and(
					eq(productSync.shopId, shopId),
					inArray(productSync.productId, ids),
					run.id === null
						? inArray(productSync.syncState, from)
						: or(inArray(productSync.syncState, from), and(eq(productSync.syncState, "queued"), eq(productSync.runId, run.id))),
				),
			)
			.returning({ productId: productSync.productId, generation: productSync.generation });
		moved.push(...rows);
	}
	return moved;
}

/** sendBatch takes at most 100 messages (and 256 KB; ours are ~150 bytes). */
export async function enqueueSyncs(queue: Queue, shopId: string, runId: string | null, products: { productId: string; generation: number }[], release?: Release) {
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
	for (const run of runs) {
		await db
			.update(productSync)
			.set({ syncState: "not_synced", runId: null, updatedAt: now })
			.where(and(eq(productSync.shopId, shopId), eq(productSync.runId, run.id), inArray(productSync.syncState, ["queued", "waiting_quota"])));
	}
	return runs.length;
}

/** The run's products queued and not yet attempted: the messages still ahead in the queue. */
export async function waitingInRun(db: Db, shopId: string, runId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(productSync)
		.where(and(eq(productSync.shopId, shopId), eq(productSync.runId, runId), eq(productSync.syncState, "queued"), eq(productSync.attempts, 0)));
	return row?.n ?? 0;
}
