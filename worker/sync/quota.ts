/**
 * TikTok's daily listing cap (100/day in probation, 1,000 after; 12052093 when
 * reached). TikTok's answer is the authority: the shop pauses its creates until
 * the next UTC day and its products wait as 'Waiting for quota' (never failed).
 * The count of today's creates is kept for the UI and the time-left estimate.
 * @see tiktok-shop-api.md §9
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { type Shop, shops } from "../db/schema";

export const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);

export function nextUtcMidnight(now: number): number {
	const d = new Date(now);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

export function isQuotaPaused(shop: Pick<Shop, "listingQuotaPausedUntil">, now = Date.now()): boolean {
	return shop.listingQuotaPausedUntil != null && shop.listingQuotaPausedUntil > now;
}

export async function countCreate(db: Db, shopId: string, now = Date.now()): Promise<void> {
	const today = utcDay(now);
	await db
		.update(shops)
		.set({
			listingQuotaUsed: sql`CASE WHEN ${shops.listingQuotaDay} = ${today} THEN ${shops.listingQuotaUsed} + 1 ELSE 1 END`,
			listingQuotaDay: today,
		})
		.where(eq(shops.id, shopId));
}

export async function pauseForQuota(db: Db, shopId: string, now = Date.now()): Promise<number> {
	const until = nextUtcMidnight(now);
	const today = utcDay(now);
	await db
		.update(shops)
		.set({
			listingQuotaPausedUntil: until,
			// TikTok just told us today's cap: what we created today is it (100 in probation, 1,000 after).
			listingQuotaDaily: sql`CASE WHEN ${shops.listingQuotaDay} = ${today} AND ${shops.listingQuotaUsed} > 0 THEN ${shops.listingQuotaUsed} ELSE ${shops.listingQuotaDaily} END`,
		})
		.where(eq(shops.id, shopId));
	return until;
}

/** The merchant (or the daily reconcile) resumes creates: TikTok will say again if the cap still holds. */
export async function resumeQuota(db: Db, shopId: string): Promise<void> {
	await db.update(shops).set({ listingQuotaPausedUntil: null }).where(eq(shops.id, shopId));
}
