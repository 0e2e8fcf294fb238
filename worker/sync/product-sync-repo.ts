/**
 * The one writer of a product's sync state (product_sync.sync_state, and the
 * review state and error fields that go with it). Each state change is one
 * named function; the states it may start from are written down once, as data
 * (TRANSITIONS), and every UPDATE is conditional on them, so a late or repeated
 * delivery can never move a product backwards. A change made under a lease
 * also needs the lease's token: a delivery whose lease expired and was taken
 * over changes nothing.
 */
import { and, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { type ProductSync, productSync, type SyncState } from "../db/schema";

export const LEASE_MS = 5 * 60_000;

/** Every state change and the states it may start from. */
export const TRANSITIONS = {
	/** A run, a webhook or a re-sync queues the product (fan-out, manual sync, reconcile after a quota pause). */
	queue: { from: ["not_synced", "failed", "waiting_quota"], to: "queued" },
	/** A delivery takes the product; from `syncing` only once the previous lease expired. */
	lease: { from: ["queued", "waiting_quota", "syncing"], to: "syncing" },
	/** The attempt stops for a retry (rate limit, transient failure, pacing). */
	requeue: { from: ["syncing"], to: "queued" },
	listed: { from: ["syncing"], to: "synced" },
	failed: { from: ["syncing"], to: "failed" },
	waitingForQuota: { from: ["syncing"], to: "waiting_quota" },
	/** Nothing to list any more (the product or its template was deleted): it shows as Not synced again. */
	unlisted: { from: ["syncing"], to: "not_synced" },
	/** A deactivated template stops what has not started. */
	cancelled: { from: ["queued", "waiting_quota"], to: "not_synced" },
	/**
	 * The product is already on TikTok (a listing made outside the app, found by the
	 * inventory or a search before a create): it is linked, never created. Never
	 * from Synced (the app's own listing) and never queued again.
	 */
	link: { from: ["not_synced", "queued", "failed", "waiting_quota"], to: "linked" },
	/** The same, found by the delivery holding the lease, just before it would create. */
	linkedBeforeCreate: { from: ["syncing"], to: "linked" },
	/** A message exhausted its retries (the dead-letter queue): whatever the state, the merchant sees it failed. */
	exhausted: { from: ["not_synced", "queued", "syncing", "synced", "failed", "waiting_quota"], to: "failed" },
} as const satisfies Record<string, { from: readonly SyncState[]; to: SyncState }>;

export type StateChange = keyof typeof TRANSITIONS;

export function allows(change: StateChange, from: SyncState): boolean {
	return (TRANSITIONS[change].from as readonly SyncState[]).includes(from);
}

const fromStates = (change: StateChange) => inArray(productSync.syncState, [...TRANSITIONS[change].from]);
const productIs = (shopId: string, productId: string) => and(eq(productSync.shopId, shopId), eq(productSync.productId, productId));

type Fields = Partial<Omit<typeof productSync.$inferInsert, "syncState" | "shopId" | "productId">>;
export type ErrorFields = Pick<ProductSync, "lastErrorCode" | "lastErrorMessage" | "lastErrorFix" | "lastRequestId">;

/** ≤ 90 ids per statement keeps each UPDATE under D1's 100 bound parameters. */
const ID_CHUNK = 90;

/**
 * Queues products for a run and returns those that moved (with their
 * generation). Only products in `from` (a subset of the queue transition's)
 * move, so a second activation or a redelivered fan-out never queues a product
 * twice; products already queued by this same run are returned again so a
 * retried fan-out resends them.
 */
export async function queue(
	db: Db,
	shopId: string,
	productIds: string[],
	run: { id: string | null; templateId: string | null },
	from: (typeof TRANSITIONS.queue.from)[number][],
	options: { bumpGeneration?: boolean } = {},
): Promise<{ productId: string; generation: number }[]> {
	const moved: { productId: string; generation: number }[] = [];
	const now = Date.now();
	const allowed = inArray(
		productSync.syncState,
		from.filter((state) => allows("queue", state)),
	);
	const sameRun = run.id === null ? undefined : and(eq(productSync.syncState, "queued"), eq(productSync.runId, run.id));
	for (let i = 0; i < productIds.length; i += ID_CHUNK) {
		const rows = await db
			.update(productSync)
			.set({
				syncState: TRANSITIONS.queue.to,
				runId: run.id,
				templateId: run.templateId,
				attempts: 0,
				updatedAt: now,
				// createInFlightKey survives a new generation: a create whose answer was lost must still be searched for.
				...(options.bumpGeneration ? { generation: sql`${productSync.generation} + 1` } : {}),
			})
			.where(and(eq(productSync.shopId, shopId), inArray(productSync.productId, productIds.slice(i, i + ID_CHUNK)), or(allowed, sameRun)))
			.returning({ productId: productSync.productId, generation: productSync.generation });
		moved.push(...rows);
	}
	return moved;
}

export type LeaseResult =
	| { kind: "taken"; row: ProductSync; token: string }
	/** Another delivery holds a live lease: try again when it expires. */
	| { kind: "busy"; retryInMs: number }
	/** Nothing to do: done, failed, reset by a deactivation, or an older generation. */
	| { kind: "gone"; row: ProductSync | null };

/**
 * One consumer at a time: a conditional UPDATE (D1 has no interactive
 * transactions) that wins only for the generation the message was sent for.
 */
export async function lease(db: Db, shopId: string, productId: string, generation: number, now = Date.now()): Promise<LeaseResult> {
	const token = crypto.randomUUID();
	const expired = or(isNull(productSync.leaseUntil), lt(productSync.leaseUntil, now));
	const takeable = and(fromStates("lease"), or(inArray(productSync.syncState, ["queued", "waiting_quota"]), expired));
	const [row] = await db
		.update(productSync)
		.set({
			syncState: TRANSITIONS.lease.to,
			leaseUntil: now + LEASE_MS,
			leaseToken: token,
			attempts: sql`${productSync.attempts} + 1`,
			updatedAt: now,
		})
		.where(and(productIs(shopId, productId), eq(productSync.generation, generation), takeable))
		.returning();
	if (row) return { kind: "taken", row, token };
	const current = await db.query.productSync.findFirst({ where: productIs(shopId, productId) });
	if (current?.syncState === "syncing" && current.generation === generation && current.leaseUntil && current.leaseUntil >= now) {
		return { kind: "busy", retryInMs: current.leaseUntil - now + 1000 };
	}
	return { kind: "gone", row: current ?? null };
}

/** A delivery that holds the product's lease. */
export type Leased = { db: Db; shopId: string; productId: string; token: string };

const underLease = (a: Leased, extra?: SQL) => and(productIs(a.shopId, a.productId), eq(productSync.leaseToken, a.token), extra);

/** Ends the lease with a state change; false if the lease was lost meanwhile. */
async function release(
	a: Leased,
	change: Exclude<StateChange, "queue" | "lease" | "cancelled" | "exhausted" | "link">,
	fields: Fields = {},
): Promise<boolean> {
	const [row] = await a.db
		.update(productSync)
		.set({ ...fields, syncState: TRANSITIONS[change].to, leaseUntil: null, leaseToken: null, updatedAt: Date.now() })
		.where(underLease(a, fromStates(change)))
		.returning({ productId: productSync.productId });
	return row !== undefined;
}

export const requeue = (a: Leased, fields: Pick<Fields, "createInFlightKey"> = {}) => release(a, "requeue", fields);
/** A fresh create is in review; an adopted listing brings the review state TikTok gave it. */
export const markListed = (a: Leased, fields: Fields) =>
	release(a, "listed", { reviewState: "in_review", ...fields, createInFlightKey: null });
export const markFailed = (a: Leased, error: ErrorFields & Pick<Fields, "createInFlightKey">) => release(a, "failed", error);
export const markWaitingForQuota = (a: Leased, fields: Fields = {}) => release(a, "waitingForQuota", fields);
export const markUnlisted = (a: Leased) => release(a, "unlisted");
export const markLinkedBeforeCreate = (a: Leased, fields: Fields) =>
	release(a, "linkedBeforeCreate", { ...fields, createInFlightKey: null });

/** Links a product not in progress to the TikTok listing it already has; false when its state does not allow it. */
export async function markLinked(db: Db, shopId: string, productId: string, fields: Fields): Promise<boolean> {
	const rows = await db
		.update(productSync)
		.set({ ...fields, syncState: TRANSITIONS.link.to, runId: null, createInFlightKey: null, updatedAt: Date.now() })
		.where(and(productIs(shopId, productId), fromStates("link")))
		.returning({ productId: productSync.productId });
	return rows.length > 0;
}

/** Set before a create call: if still set on a later attempt, the answer may have been lost. False if the lease was lost. */
export async function markCreateInFlight(a: Leased, key: string | null): Promise<boolean> {
	const rows = await a.db
		.update(productSync)
		.set({ createInFlightKey: key })
		.where(underLease(a))
		.returning({ productId: productSync.productId });
	return rows.length > 0;
}

/** Stops what has not started of a run: its queued products return to Not synced. */
export async function cancelQueued(db: Db, shopId: string, runId: string, now = Date.now()) {
	await db
		.update(productSync)
		.set({ syncState: TRANSITIONS.cancelled.to, runId: null, updatedAt: now })
		.where(and(eq(productSync.shopId, shopId), eq(productSync.runId, runId), fromStates("cancelled")));
}

export async function markExhausted(db: Db, shopId: string, productId: string, error: Omit<ErrorFields, "lastRequestId">) {
	await db
		.update(productSync)
		.set({ ...error, syncState: TRANSITIONS.exhausted.to, leaseUntil: null, leaseToken: null, updatedAt: Date.now() })
		.where(and(productIs(shopId, productId), fromStates("exhausted")));
}

/** What a push to a listed product changed (hashes, review state, its error); the sync state stays. */
export async function recordPush(db: Db, shopId: string, productId: string, fields: Fields) {
	if (Object.keys(fields).length === 0) return;
	await db
		.update(productSync)
		.set({ ...fields, updatedAt: Date.now() })
		.where(productIs(shopId, productId));
}

export const markDeactivated = (db: Db, shopId: string, productId: string) =>
	recordPush(db, shopId, productId, { reviewState: "deactivated" });

/** TikTok's review of a listed product, found by its TikTok id. */
export async function recordReview(
	db: Db,
	shopId: string,
	tiktokProductId: string,
	review: Pick<ProductSync, "reviewState" | "reviewReasons">,
) {
	await db
		.update(productSync)
		.set({ ...review, updatedAt: Date.now() })
		.where(and(eq(productSync.shopId, shopId), eq(productSync.tiktokProductId, tiktokProductId)));
}
