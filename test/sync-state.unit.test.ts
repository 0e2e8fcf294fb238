/**
 * The product sync state machine (sync/product-sync-repo.ts): each state change
 * is tried from every state, against D1, and must move exactly the products the
 * rules allow; a refused change leaves the row as it was.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { productSync, type SyncState } from "../worker/db/schema";
import * as repo from "../worker/sync/product-sync-repo";

const db = createDb(env.DB);
const STATES: SyncState[] = ["not_synced", "queued", "syncing", "synced", "failed", "waiting_quota", "linked"];
let n = 0;

/** A product in `state`; under a live lease with token "t" (an artificial one outside `syncing`, to show the state is checked too). */
async function productIn(state: SyncState, extra: Partial<typeof productSync.$inferInsert> = {}) {
	const shopId = `state-${++n}.myshopify.com`;
	const now = Date.now();
	await db.insert(productSync).values({
		shopId,
		productId: "1",
		syncState: state,
		runId: "run-a",
		leaseToken: "t",
		leaseUntil: now + 60_000,
		createdAt: now,
		updatedAt: now,
		...extra,
	});
	const leased: repo.Leased = { db, shopId, productId: "1", token: "t" };
	return {
		shopId,
		leased,
		state: async () => (await db.query.productSync.findFirst({ where: (p, { eq }) => eq(p.shopId, shopId) }))?.syncState,
	};
}

async function outcomes(
	apply: (p: Awaited<ReturnType<typeof productIn>>) => Promise<unknown>,
	extra?: Partial<typeof productSync.$inferInsert>,
) {
	const result: Record<string, string | undefined> = {};
	for (const state of STATES) {
		const p = await productIn(state, extra);
		await apply(p);
		result[state] = await p.state();
	}
	return result;
}

const unchanged = Object.fromEntries(STATES.map((s) => [s, s]));

describe("product sync state transitions", () => {
	it("queue: from Not synced, Failed and Waiting for quota (and again within the same run); never a product in progress or listed", async () => {
		expect(
			await outcomes((p) => repo.queue(db, p.shopId, ["1"], { id: "run-b", templateId: null }, ["not_synced", "failed", "waiting_quota"])),
		).toEqual({
			...unchanged,
			not_synced: "queued",
			failed: "queued",
			waiting_quota: "queued",
		});
		const again = await productIn("queued");
		expect(await repo.queue(db, again.shopId, ["1"], { id: "run-a", templateId: null }, ["not_synced"])).toEqual([
			{ productId: "1", generation: 0 },
		]);
		const otherRun = await productIn("queued");
		expect(await repo.queue(db, otherRun.shopId, ["1"], { id: "run-b", templateId: null }, ["not_synced"])).toEqual([]);
	});

	it("queue: only from the states the caller names", async () => {
		expect(await outcomes((p) => repo.queue(db, p.shopId, ["1"], { id: "run-b", templateId: null }, ["not_synced"]))).toEqual({
			...unchanged,
			not_synced: "queued",
		});
	});

	it("lease: a queued or waiting product, or one whose lease expired; refused while another delivery holds it", async () => {
		expect(await outcomes((p) => repo.lease(db, p.shopId, "1", 0))).toEqual({ ...unchanged, queued: "syncing", waiting_quota: "syncing" });
		const live = await productIn("syncing");
		expect((await repo.lease(db, live.shopId, "1", 0)).kind).toBe("busy");
		const expired = await productIn("syncing", { leaseUntil: Date.now() - 1 });
		expect((await repo.lease(db, expired.shopId, "1", 0)).kind).toBe("taken");
		const older = await productIn("queued", { generation: 3 });
		expect((await repo.lease(db, older.shopId, "1", 2)).kind).toBe("gone");
	});

	const underLease: [string, (a: repo.Leased) => Promise<boolean>, SyncState][] = [
		["requeue", (a) => repo.requeue(a), "queued"],
		["listed", (a) => repo.markListed(a, { tiktokProductId: "tt-1" }), "synced"],
		["failed", (a) => repo.markFailed(a, { lastErrorCode: "X", lastErrorMessage: "x", lastErrorFix: "y", lastRequestId: null }), "failed"],
		["waiting for quota", (a) => repo.markWaitingForQuota(a), "waiting_quota"],
		["unlisted", (a) => repo.markUnlisted(a), "not_synced"],
		["linked before create", (a) => repo.markLinkedBeforeCreate(a, { tiktokProductId: "tt-outside" }), "linked"],
	];
	for (const [name, change, to] of underLease) {
		it(`${name}: only from Syncing, and only by the delivery holding the lease`, async () => {
			expect(await outcomes((p) => change(p.leased))).toEqual({ ...unchanged, syncing: to });
			const lost = await productIn("syncing");
			expect(await change({ ...lost.leased, token: "another" })).toBe(false);
			expect(await lost.state()).toBe("syncing");
		});
	}

	it("cancelled: queued and waiting products of the run return to Not synced; started or finished ones stay", async () => {
		expect(await outcomes((p) => repo.cancelQueued(db, p.shopId, "run-a"))).toEqual({
			...unchanged,
			queued: "not_synced",
			waiting_quota: "not_synced",
		});
		const otherRun = await productIn("queued", { runId: "run-b" });
		await repo.cancelQueued(db, otherRun.shopId, "run-a");
		expect(await otherRun.state()).toBe("queued");
	});

	it("exhausted: from every state but Linked, the product shows as failed (a failed product may be queued, and a linked one must never be created)", async () => {
		const error = { lastErrorCode: "RETRIES_EXHAUSTED", lastErrorMessage: "m", lastErrorFix: "f" };
		expect(await outcomes((p) => repo.markExhausted(db, p.shopId, "1", error))).toEqual({
			...Object.fromEntries(STATES.map((s) => [s, "failed"])),
			linked: "linked",
		});
	});

	it("link: a product not in progress and not listed by the app becomes Linked; a listed or syncing one stays", async () => {
		expect(await outcomes((p) => repo.markLinked(db, p.shopId, "1", { tiktokProductId: "tt-outside" }))).toEqual({
			...unchanged,
			not_synced: "linked",
			queued: "linked",
			failed: "linked",
			waiting_quota: "linked",
		});
		const p = await productIn("queued");
		expect(await repo.markLinked(db, p.shopId, "1", { tiktokProductId: "tt-outside" })).toBe(true);
		const row = await db.query.productSync.findFirst({ where: (r, { eq }) => eq(r.shopId, p.shopId) });
		expect(row).toMatchObject({ tiktokProductId: "tt-outside", runId: null });
	});

	it("a linked product is never queued or leased again (so never created)", async () => {
		const p = await productIn("linked");
		expect(await repo.queue(db, p.shopId, ["1"], { id: "run-b", templateId: null }, ["not_synced", "failed", "waiting_quota"])).toEqual([]);
		expect((await repo.lease(db, p.shopId, "1", 0)).kind).toBe("gone");
		expect(await p.state()).toBe("linked");
	});
});
