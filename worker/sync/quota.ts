/**
 * TikTok's daily listing cap (100/day in probation, 1,000 after; 12052093 when
 * reached). TikTok's answer is the authority: the shop pauses its creates until
 * the next UTC day and its products wait as 'Waiting for quota' (never failed).
 * The count of today's creates is kept for the UI and the time-left estimate.
 * @see tiktok-shop-api.md §9
 */
import type { Db } from "../db/client";
import type { Shop } from "../db/schema";
import { clearQuotaPause, countListingCreate, setQuotaPause } from "../shops";

export const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);

export function nextUtcMidnight(now: number): number {
	const d = new Date(now);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

export function isQuotaPaused(shop: Pick<Shop, "listingQuotaPausedUntil">, now = Date.now()): boolean {
	return shop.listingQuotaPausedUntil != null && shop.listingQuotaPausedUntil > now;
}

export async function countCreate(db: Db, shopId: string, now = Date.now()): Promise<void> {
	await countListingCreate(db, shopId, utcDay(now));
}

export async function pauseForQuota(db: Db, shopId: string, now = Date.now()): Promise<number> {
	const until = nextUtcMidnight(now);
	await setQuotaPause(db, shopId, until, utcDay(now));
	return until;
}

/** The merchant (or the daily reconcile) resumes creates: TikTok will say again if the cap still holds. */
export async function resumeQuota(db: Db, shopId: string): Promise<void> {
	await clearQuotaPause(db, shopId);
}
