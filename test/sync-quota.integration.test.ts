/**
 * TikTok's daily listing cap: when TikTok answers 12052093 the shop pauses its
 * creates, its remaining products wait as 'Waiting for quota' (none is marked
 * failed), and they are listed once the quota resets and the shop resumes.
 */
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { api, inspectSeller, plainLeaf, setUpShop, settled, type SyncShop, templateBodyFor, waitFor, syncRows } from "./support/sync";

let ctx: SyncShop;

beforeAll(async () => {
	ctx = await setUpShop("quota", { productCount: 8, seller: { dailyListingQuota: 3 } });
}, 120_000);

async function sandboxKnob(path: string, body: unknown = {}) {
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${ctx.sellerId}/${path}`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify(body),
	});
	expect(res.status, await res.clone().text()).toBe(200);
}

it("pauses at the cap, waits without failing, and resumes when the quota is back", async () => {
	const category = await plainLeaf(ctx.shop, "candle");
	const template = await api(ctx.shop, "POST", "/api/templates", {
		...(await templateBodyFor(ctx.shop, category)),
		name: "Default",
		isDefault: true,
	});
	const activated = await api<{ queued: number }>(ctx.shop, "POST", `/api/templates/${template.body.id}/activate`);
	expect(activated.body.queued).toBeGreaterThan(3);

	const rows = await waitFor("the quota pause", async () => {
		const current = await syncRows(ctx.shop);
		const parked = current.filter((r) => r.sync_state === "synced" || r.sync_state === "waiting_quota" || r.sync_state === "failed");
		return parked.length === activated.body.queued ? current : undefined;
	});
	expect(rows.filter((r) => r.sync_state === "synced")).toHaveLength(3);
	// Products may fail for their own reasons (the generated catalogue has some without images or stock), never for the quota.
	const failed = rows.filter((r) => r.sync_state === "failed");
	expect(failed.every((r) => r.last_error_code !== "12052093")).toBe(true);
	expect(rows.filter((r) => r.sync_state === "waiting_quota")).toHaveLength(activated.body.queued - 3 - failed.length);
	const paused = await api<{ quota: { pausedUntil: number | null; daily: number; usedToday: number } }>(ctx.shop, "GET", "/api/settings");
	expect(paused.body.quota.pausedUntil).toBeGreaterThan(Date.now());
	// What TikTok allowed today is learned as the daily quota (the time-left estimate uses it).
	expect(paused.body.quota.daily).toBe(3);

	await sandboxKnob("config", { dailyListingQuota: 100 });
	await sandboxKnob("quota/reset");
	const resumed = await api(ctx.shop, "POST", "/api/settings/quota/resume");
	expect(resumed.status).toBe(200);
	const after = await waitFor(
		"the waiting products to be listed",
		async () => {
			const current = await syncRows(ctx.shop);
			return current.filter((r) => r.sync_state === "synced").length === activated.body.queued - failed.length ? current : undefined;
		},
		{ tries: 200 },
	);
	const seller = await inspectSeller(ctx.sellerId);
	expect(seller.duplicates).toBe(0);
	expect(seller.listings).toHaveLength(activated.body.queued - failed.length);
	await settled(ctx.shop);
});
