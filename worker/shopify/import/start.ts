/**
 * Starting (or finding) a shop's catalogue import. At most one import runs per
 * shop: the new row is inserted only if none is running, in a single statement
 * (D1 has no interactive transactions), so two concurrent starts make one import.
 *
 * - A running import is returned as is (idempotent), unless it has made no
 *   progress for STALLED_AFTER_MS (its message was lost, e.g. dead-lettered):
 *   then its current page is enqueued again and it resumes from its cursor.
 * - A finished import is returned as is unless `restart` is set.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { imports } from "../../db/schema";
import type { QueueMessage } from "../../jobs";

export const STALLED_AFTER_MS = 15 * 60_000;

export type ImportRow = typeof imports.$inferSelect;
export type StartResult = { importId: string; started: boolean; resumed?: boolean };

export async function latestImport(db: Db, shopId: string): Promise<ImportRow | null> {
	const [row] = await db
		.select()
		.from(imports)
		.where(eq(imports.shopId, shopId))
		.orderBy(desc(imports.createdAt), desc(imports.id))
		.limit(1);
	return row ?? null;
}

const pageMessage = (shopId: string, importId: string, cursor: string | null): QueueMessage => ({
	type: "import.page",
	shopId,
	importId,
	cursor,
});

export async function startImport(
	db: Db,
	queue: Queue,
	shopId: string,
	options: { restart?: boolean } = {},
	now = Date.now(),
): Promise<StartResult> {
	const latest = await latestImport(db, shopId);
	if (latest?.status === "running") {
		if (now - latest.updatedAt < STALLED_AFTER_MS) return { importId: latest.id, started: false };
		await queue.send(pageMessage(shopId, latest.id, latest.cursor));
		await db
			.update(imports)
			.set({ updatedAt: now })
			.where(and(eq(imports.shopId, shopId), eq(imports.id, latest.id)));
		return { importId: latest.id, started: false, resumed: true };
	}
	if (latest && !options.restart && latest.status === "done") return { importId: latest.id, started: false };

	const importId = crypto.randomUUID();
	const inserted = await db.run(sql`
		INSERT INTO imports (shop_id, id, status, imported, created_at, updated_at)
		SELECT ${shopId}, ${importId}, 'running', 0, ${now}, ${now}
		WHERE NOT EXISTS (SELECT 1 FROM imports WHERE shop_id = ${shopId} AND status = 'running')`);
	if (!inserted.meta.changes) {
		// A concurrent start won: report its import.
		const running = await latestImport(db, shopId);
		return { importId: running?.id ?? importId, started: false };
	}
	await queue.send(pageMessage(shopId, importId, null));
	return { importId, started: true };
}
