/**
 * `sync.product` against a fake TikTok port: each branch of create-or-adopt,
 * retry, quota and lost answer, asserted on the job's outcome, the calls the
 * port saw, and the product row.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { shops } from "../worker/db/schema";
import { syncProduct } from "../worker/sync/jobs/sync-product";
import { fail } from "./support/fake-tiktok-port";
import { contextWith, db, queuedProduct, shopRow } from "./support/sync-jobs";

const remote = (id: string, sellerSku: string, externalProductId?: string) => ({
	id,
	status: "ACTIVATE",
	preApprovedReasons: [],
	failedReasons: [],
	skus: [{ id: `s-${id}`, sellerSku }],
	externalProductId,
});

describe("sync.product: create or adopt", () => {
	it("creates the listing once, with the idempotency key, and records it", async () => {
		const p = await queuedProduct("create");
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		const [create] = p.fake.called("createProduct");
		expect(p.fake.called("createProduct")).toHaveLength(1);
		expect(create.args[1]).toMatch(/\S+/);
		// The shop's inventory of TikTok listings is older than its connection: TikTok is asked first, by the product's SKUs.
		expect(p.fake.called("searchBySellerSkus").map((c) => c.args[0])).toEqual([p.product.variants.map((v) => v.sku)]);
		expect(await p.row()).toMatchObject({
			syncState: "synced",
			reviewState: "in_review",
			tiktokProductId: "tt-1",
			createInFlightKey: null,
			leaseToken: null,
		});
		expect((await shopRow(p.shop)).listingQuotaUsed).toBe(1);
	});

	it("after a lost answer, adopts the listing TikTok already has instead of creating again", async () => {
		const p = await queuedProduct("lost-answer", { createInFlightKey: "key-from-before" });
		p.fake.answer("searchBySellerSkus", { ok: true, value: [remote("tt-existing", p.product.variants[0].sku!, p.product.gid)] });
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("createProduct")).toHaveLength(0);
		expect(await p.row()).toMatchObject({ syncState: "synced", tiktokProductId: "tt-existing", createInFlightKey: null });
	});

	it("after a lost answer that TikTok never processed, searches, finds nothing, and creates", async () => {
		const p = await queuedProduct("lost-nothing", { createInFlightKey: "key-from-before" });
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.calls.map((c) => c.method).filter((m) => m === "searchBySellerSkus" || m === "createProduct")).toEqual([
			"searchBySellerSkus",
			"createProduct",
		]);
		expect((await p.row()).syncState).toBe("synced");
	});

	it("adopts on a duplicate external id (a create that landed under another key)", async () => {
		const p = await queuedProduct("duplicate");
		p.fake.answer("createProduct", fail("duplicate_external_id", { code: "12052996" }));
		p.fake.answer("searchBySellerSkus", { ok: true, value: [] }, { ok: true, value: [remote("tt-dup", "other", p.product.gid)] });
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(await p.row()).toMatchObject({ syncState: "synced", tiktokProductId: "tt-dup" });
	});

	it("retries a timeout that may have created the product, keeping the key so the next attempt searches first", async () => {
		const p = await queuedProduct("ambiguous");
		p.fake.answer("createProduct", fail("timeout", { ambiguous: true }));
		const outcome = await syncProduct(p.message, contextWith(p.fake, 3));
		expect(outcome).toMatchObject({ kind: "retry", delayMs: 8000 });
		const row = await p.row();
		expect(row).toMatchObject({ syncState: "queued", leaseToken: null });
		expect(row.createInFlightKey).not.toBeNull();
	});

	it("retries a refused create (not processed) without the key", async () => {
		const p = await queuedProduct("refused");
		p.fake.answer("createProduct", fail("transient", { ambiguous: false }));
		expect((await syncProduct(p.message, contextWith(p.fake))).kind).toBe("retry");
		expect(await p.row()).toMatchObject({ syncState: "queued", createInFlightKey: null });
	});

	it("hands a rate limit (or the shop's own pacing) back to the queue after its Retry-After", async () => {
		const p = await queuedProduct("rate-limited");
		p.fake.answer("createProduct", fail("rate_limited", { code: "LOCAL_PACING", retryAfterMs: 7000 }));
		expect(await syncProduct(p.message, contextWith(p.fake))).toMatchObject({ kind: "retry", delayMs: 7000 });
		expect(await p.row()).toMatchObject({ syncState: "queued", createInFlightKey: null });
	});

	it("parks the product as Waiting for quota and pauses the shop when TikTok's daily cap is reached", async () => {
		const p = await queuedProduct("quota");
		p.fake.answer("createProduct", fail("quota_exhausted", { code: "12052093" }));
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(await p.row()).toMatchObject({ syncState: "waiting_quota", createInFlightKey: null });
		expect((await shopRow(p.shop)).listingQuotaPausedUntil).toBeGreaterThan(Date.now());
	});

	it("creates nothing for a shop whose quota is paused: a listable product waits for quota", async () => {
		const p = await queuedProduct("paused");
		await db
			.update(shops)
			.set({ listingQuotaPausedUntil: Date.now() + 3_600_000 })
			.where(eq(shops.id, p.shop));
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("createProduct")).toEqual([]);
		expect((await p.row()).syncState).toBe("waiting_quota");
	});

	it("records a permanent refusal with TikTok's code, message and fix", async () => {
		const p = await queuedProduct("permanent");
		p.fake.answer(
			"createProduct",
			fail("permanent", { code: "12019001", message: "Brand not authorised", fix: "Pick another brand.", requestId: "req-9" }),
		);
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(await p.row()).toMatchObject({
			syncState: "failed",
			lastErrorCode: "12019001",
			lastErrorMessage: "Brand not authorised",
			lastErrorFix: "Pick another brand.",
			lastRequestId: "req-9",
		});
	});

	it("a second delivery of the same message creates nothing", async () => {
		const p = await queuedProduct("twice");
		await syncProduct(p.message, contextWith(p.fake));
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("createProduct")).toHaveLength(1);
	});
});
