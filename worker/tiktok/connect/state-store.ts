/**
 * The life of one connect state in D1: issued (row inserted) → started (the browser opened the
 * link and got the cookie) → consumed (row deleted by the callback). Each step is one
 * conditional statement with RETURNING, so of two concurrent requests presenting the same
 * state exactly one sees a row: D1 runs statements one at a time, and the loser's WHERE no
 * longer matches.
 */
import { and, eq, gt, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { tiktokConnectStates } from "../../db/schema";

const key = (shopId: string, jti: string) => and(eq(tiktokConnectStates.shopId, shopId), eq(tiktokConnectStates.jti, jti));

/** Records a new state and prunes the shop's expired ones (the only rows this shop leaves behind). */
export async function issueState(db: Db, issued: { shopId: string; jti: string; expiresAtMs: number }, now = Date.now()): Promise<void> {
	await db.batch([
		db.delete(tiktokConnectStates).where(and(eq(tiktokConnectStates.shopId, issued.shopId), lte(tiktokConnectStates.expiresAt, now))),
		db.insert(tiktokConnectStates).values({ shopId: issued.shopId, jti: issued.jti, expiresAt: issued.expiresAtMs, createdAt: now }),
	]);
}

/** The first browser to open the link claims it; any later opener is refused. */
export async function startState(db: Db, shopId: string, jti: string, now = Date.now()): Promise<boolean> {
	const claimed = await db
		.update(tiktokConnectStates)
		.set({ startedAt: now })
		.where(and(key(shopId, jti), isNull(tiktokConnectStates.startedAt), gt(tiktokConnectStates.expiresAt, now)))
		.returning({ jti: tiktokConnectStates.jti });
	return claimed.length === 1;
}

/** Only the first callback for a started, unexpired state gets true. */
export async function consumeState(db: Db, shopId: string, jti: string, now = Date.now()): Promise<boolean> {
	const consumed = await db
		.delete(tiktokConnectStates)
		.where(and(key(shopId, jti), isNotNull(tiktokConnectStates.startedAt), gt(tiktokConnectStates.expiresAt, now)))
		.returning({ jti: tiktokConnectStates.jti });
	return consumed.length === 1;
}
