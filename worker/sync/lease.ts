/**
 * A product is synced by one consumer at a time. The lease is a conditional
 * UPDATE in D1 (no interactive transactions): it succeeds only when the product
 * is waiting (queued / waiting for quota) or a previous lease has expired, and
 * only for the generation the message was sent for. Two deliveries of one
 * message cannot both win it.
 */
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { type ProductSync, productSync } from "../db/schema";

export const LEASE_MS = 5 * 60_000;

export type LeaseResult =
	| { kind: "taken"; row: ProductSync; token: string }
	/** Another delivery holds a live lease: try again when it expires. */
	| { kind: "busy"; retryInMs: number }
	/** Nothing to do: done, failed, reset by a deactivation, or an older generation. */
	| { kind: "gone"; row: ProductSync | null };

export async function takeLease(db: Db, shopId: string, productId: string, generation: number, now = Date.now()): Promise<LeaseResult> {
	const token = crypto.randomUUID();
	const waiting = inArray(productSync.syncState, ["queued", "waiting_quota"]);
	const expired = and(eq(productSync.syncState, "syncing"), or(isNull(productSync.leaseUntil), lt(productSync.leaseUntil, now)));
	const [row] = await db
		.update(productSync)
		.set({ syncState: "syncing", leaseUntil: now + LEASE_MS, leaseToken: token, attempts: sql`${productSync.attempts} + 1`, updatedAt: now })
		.where(and(eq(productSync.shopId, shopId), eq(productSync.productId, productId), eq(productSync.generation, generation), or(waiting, expired)))
		.returning();
	if (row) return { kind: "taken", row, token };
	const current = await db.query.productSync.findFirst({ where: and(eq(productSync.shopId, shopId), eq(productSync.productId, productId)) });
	if (current?.syncState === "syncing" && current.generation === generation && current.leaseUntil && current.leaseUntil >= now) {
		return { kind: "busy", retryInMs: current.leaseUntil - now + 1000 };
	}
	return { kind: "gone", row: current ?? null };
}

/** Ends a lease with the given changes; a no-op if the lease was lost meanwhile. */
export async function releaseLease(db: Db, shopId: string, productId: string, token: string, changes: Partial<typeof productSync.$inferInsert>) {
	const [row] = await db
		.update(productSync)
		.set({ ...changes, leaseUntil: null, leaseToken: null, updatedAt: Date.now() })
		.where(and(eq(productSync.shopId, shopId), eq(productSync.productId, productId), eq(productSync.leaseToken, token)))
		.returning({ productId: productSync.productId });
	return row !== undefined;
}
