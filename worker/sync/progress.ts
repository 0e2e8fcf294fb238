/**
 * Progress of sync runs, counted from product_sync by run id (so redeliveries
 * cannot skew it), and an estimated time left from the shop's observed rate of
 * the last minute (or its limiter's rate before anything finished) and, when the
 * remaining products exceed today's listing quota, the wait for the next day.
 */
import { and, count, desc, eq, gt, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { productSync, type Shop, type SyncRun, type SyncState, syncRuns } from "../db/schema";
import { nextUtcMidnight, utcDay } from "./quota";
import type { RunProgress } from "./run-progress";

export type { RunProgress };

const RECENT_MS = 10 * 60_000;
const ACTIVE: SyncState[] = ["queued", "syncing", "waiting_quota"];

export function estimateSeconds(
	remaining: number,
	ratePerSecond: number,
	shop: Pick<Shop, "listingQuotaDaily" | "listingQuotaUsed" | "listingQuotaDay">,
	now: number,
): number | null {
	if (remaining === 0) return 0;
	if (ratePerSecond <= 0) return null;
	const usedToday = shop.listingQuotaDay === utcDay(now) ? shop.listingQuotaUsed : 0;
	const leftToday = Math.max(0, shop.listingQuotaDaily - usedToday);
	if (remaining <= leftToday) return Math.ceil(remaining / ratePerSecond);
	const later = remaining - leftToday;
	const extraDays = Math.ceil(later / Math.max(1, shop.listingQuotaDaily)) - 1;
	const untilMidnight = (nextUtcMidnight(now) - now) / 1000;
	return Math.ceil(untilMidnight + extraDays * 86_400 + Math.min(later, shop.listingQuotaDaily) / ratePerSecond);
}

export async function runProgress(db: Db, shop: Shop, fallbackRate: number, now = Date.now()): Promise<RunProgress[]> {
	const runs: SyncRun[] = await db
		.select()
		.from(syncRuns)
		.where(
			and(eq(syncRuns.shopId, shop.id), or(inArray(syncRuns.status, ["fanning_out", "running"]), gt(syncRuns.updatedAt, now - RECENT_MS))),
		)
		.orderBy(desc(syncRuns.createdAt))
		.limit(20);
	const result: RunProgress[] = [];
	for (const run of runs) {
		const grouped = await db
			.select({ state: productSync.syncState, n: count() })
			.from(productSync)
			.where(and(eq(productSync.shopId, shop.id), eq(productSync.runId, run.id)))
			.groupBy(productSync.syncState);
		const counts = Object.fromEntries(grouped.map((g) => [g.state, g.n]));
		const remaining = ACTIVE.reduce((sum, state) => sum + (counts[state] ?? 0), 0);
		const [recent] = await db
			.select({ n: count() })
			.from(productSync)
			.where(
				and(
					eq(productSync.shopId, shop.id),
					eq(productSync.runId, run.id),
					isNotNull(productSync.syncedAt),
					gt(productSync.syncedAt, now - 60_000),
				),
			);
		const observed = (recent?.n ?? 0) / 60;
		let status = run.status;
		if (status === "running" && remaining === 0) {
			status = "done";
			await db
				.update(syncRuns)
				.set({ status, finishedAt: now, updatedAt: now })
				.where(and(eq(syncRuns.shopId, shop.id), eq(syncRuns.id, run.id)));
		}
		// While fanning out, the products not yet queued still count as remaining.
		const left = status === "fanning_out" ? Math.max(remaining, run.total - (counts.synced ?? 0) - (counts.failed ?? 0)) : remaining;
		result.push({
			id: run.id,
			kind: run.kind,
			templateId: run.templateId,
			status,
			total: run.total,
			counts,
			remaining: left,
			etaSeconds: estimateSeconds(left, observed > 0 ? observed : fallbackRate, shop, now),
			createdAt: run.createdAt,
		});
	}
	return result;
}

/** Syncs outside any run (a product created or changed in Shopify): how many wait or run right now. */
export async function backgroundCounts(db: Db, shopId: string): Promise<Record<string, number>> {
	const rows = await db
		.select({ state: productSync.syncState, n: count() })
		.from(productSync)
		.where(and(eq(productSync.shopId, shopId), isNull(productSync.runId), inArray(productSync.syncState, ACTIVE)))
		.groupBy(productSync.syncState);
	return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
