/**
 * Short-lived per-shop copies of TikTok reference data (tiktok_cache). TikTok
 * advises calling live because categories change often, so entries expire fast;
 * a save or a sync re-reads what it relies on when its copy is stale.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { tiktokCache } from "../db/schema";
import type { PortResult } from "../tiktok";

export async function cached<T>(
	db: Db,
	shopId: string,
	key: string,
	ttlMs: number,
	load: () => Promise<PortResult<T>>,
	now = Date.now(),
): Promise<PortResult<T>> {
	const hit = await db.query.tiktokCache.findFirst({ where: and(eq(tiktokCache.shopId, shopId), eq(tiktokCache.key, key)) });
	if (hit && hit.expiresAt > now) return { ok: true, value: JSON.parse(hit.body) as T };
	const fresh = await load();
	if (fresh.ok) {
		const row = { shopId, key, body: JSON.stringify(fresh.value), expiresAt: now + ttlMs };
		await db
			.insert(tiktokCache)
			.values(row)
			.onConflictDoUpdate({ target: [tiktokCache.shopId, tiktokCache.key], set: { body: row.body, expiresAt: row.expiresAt } });
	}
	return fresh;
}
