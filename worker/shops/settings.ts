/**
 * The merchant's settings and the daily listing quota columns of the `shops`
 * row. The quota's policy (what a day is, when a pause ends) stays with the
 * sync engine (sync/quota.ts); this module only stores it.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { shops } from "../db/schema";

export type ShopSettings = { pushContentEdits?: boolean; unitSystem?: "metric" | "imperial" };

export async function updateSettings(db: Db, shopId: string, settings: ShopSettings, now = Date.now()): Promise<void> {
	await db
		.update(shops)
		.set({ ...settings, updatedAt: now })
		.where(eq(shops.id, shopId));
}

/** One more create today (`today` a UTC day, yyyy-mm-dd); a new day starts the count at 1. */
export async function countListingCreate(db: Db, shopId: string, today: string): Promise<void> {
	await db
		.update(shops)
		.set({
			listingQuotaUsed: sql`CASE WHEN ${shops.listingQuotaDay} = ${today} THEN ${shops.listingQuotaUsed} + 1 ELSE 1 END`,
			listingQuotaDay: today,
		})
		.where(eq(shops.id, shopId));
}

export async function setQuotaPause(db: Db, shopId: string, until: number, today: string): Promise<void> {
	await db
		.update(shops)
		.set({
			listingQuotaPausedUntil: until,
			// TikTok just told us today's cap: what we created today is it (100 in probation, 1,000 after).
			listingQuotaDaily: sql`CASE WHEN ${shops.listingQuotaDay} = ${today} AND ${shops.listingQuotaUsed} > 0 THEN ${shops.listingQuotaUsed} ELSE ${shops.listingQuotaDaily} END`,
		})
		.where(eq(shops.id, shopId));
}

export async function clearQuotaPause(db: Db, shopId: string): Promise<void> {
	await db.update(shops).set({ listingQuotaPausedUntil: null }).where(eq(shops.id, shopId));
}
