/**
 * With TikTok answering 10% of calls with 5xx, some slowly past the client's
 * timeout and some with their answer lost, an activation still ends with every
 * product synced or failed with a reason: none stuck, none listed twice.
 * Runs on the real queue (retries with backoff) and the real limiter.
 */
import { beforeAll, expect, it } from "vitest";
import { api, inspectSeller, plainLeaf, sellerFaults, setUpShop, settled, type SyncShop, templateBodyFor } from "./support/sync";

let ctx: SyncShop;

beforeAll(async () => {
	ctx = await setUpShop("faults", { productCount: 16 });
}, 120_000);

it("every product ends synced or failed with a reason, none duplicated", async () => {
	const category = await plainLeaf(ctx.shop, "candle");
	const template = await api(ctx.shop, "POST", "/api/templates", {
		...(await templateBodyFor(ctx.shop, category)),
		name: "Default",
		isDefault: true,
	});
	await sellerFaults(ctx.sellerId, { errorRate: 0.1, slowRate: 0.05, slowMs: 2500, lostAnswerRate: 0.05, seed: 7 });
	const activated = await api<{ queued: number }>(ctx.shop, "POST", `/api/templates/${template.body.id}/activate`);
	expect(activated.status).toBe(202);
	const rows = await settled(ctx.shop, { tries: 400, intervalMs: 500 });
	const touched = rows.filter((r) => r.sync_state !== "not_synced");
	expect(touched).toHaveLength(activated.body.queued);
	for (const row of touched) {
		expect(["synced", "failed"], JSON.stringify(row)).toContain(row.sync_state);
		if (row.sync_state === "failed") expect(row.last_error_code).toBeTruthy();
	}
	const seller = await inspectSeller(ctx.sellerId);
	expect(seller.duplicates).toBe(0);
	expect(seller.listings).toHaveLength(rows.filter((r) => r.tiktok_product_id).length);
	// The faults did happen: TikTok failed, delayed and lost answers during the run.
	const { errors, slow, lost } = seller.faults.injected;
	expect(errors).toBeGreaterThan(0);
	expect(slow + lost).toBeGreaterThan(0);
}, 240_000);
