/**
 * The inventory of a seller with 1,000 listings made outside the app, through
 * the real Worker, Queue and limiter at the default read budget: every listing
 * is stored, in pages of 100, and TikTok never sees more reads in a second than
 * the budget allows. The time it took is printed (not asserted: this machine is
 * shared), for the per-1,000 figure.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BUDGETS, INVENTORY_PAGE_SIZE } from "../worker/pacing/policy";
import { uniqueShop } from "./sandbox/shopify/client";
import { installShop } from "./support/shopify";
import { api, inspectSeller, waitFor } from "./support/sync";
import { connectTikTokShop, createSandboxSeller } from "./support/tiktok";

const LISTINGS = 1000;
const shop = uniqueShop("inventory-scale");
let sellerId: string;

beforeAll(async () => {
	await installShop(shop, { productCount: 2 });
	// The sandbox allows far more than the app's own budget, so the app's pacing is what is measured.
	sellerId = (await createSandboxSeller({ region: "US", readRatePerSecond: 1000, writeRatePerSecond: 1000 })).seller_id;
	const listings = Array.from({ length: LISTINGS }, (_, i) => ({ seller_skus: [`SCALE-${i}-A`, `SCALE-${i}-B`] }));
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${sellerId}/listings`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ listings }),
	});
	expect(res.status).toBe(201);
}, 120_000);

describe("inventory of 1,000 TikTok listings", () => {
	it("stores every listing, paced under the shop's read budget", async () => {
		const readsBefore = (await inspectSeller(sellerId)).requests.reads as number;
		const started = Date.now();
		await connectTikTokShop(shop, { sellerId });
		await waitFor(
			"the inventory",
			async () =>
				(await env.DB.prepare("SELECT tiktok_inventory_at AS at FROM shops WHERE id = ?").bind(shop).first<{ at: number | null }>())?.at ??
				undefined,
			{ tries: 400, intervalMs: 250 },
		);
		const elapsedMs = Date.now() - started;
		const stored = await env.DB.prepare("SELECT COUNT(*) AS n FROM tiktok_listings WHERE shop_id = ?").bind(shop).first<{ n: number }>();
		expect(stored?.n).toBe(LISTINGS);
		const linking = await api<{ onTikTokOnly: number; linked: number }>(shop, "GET", "/api/linking");
		expect(linking.body).toMatchObject({ onTikTokOnly: LISTINGS, linked: 0 });
		const seller = await inspectSeller(sellerId);
		// Connect itself makes a few reads (authorized shops, warehouses); the inventory makes one per page.
		expect(seller.requests.reads - readsBefore).toBeGreaterThanOrEqual(LISTINGS / INVENTORY_PAGE_SIZE);
		expect(seller.requests.max_reads_per_second).toBeLessThanOrEqual(DEFAULT_BUDGETS.read.ratePerSec);
		console.log(
			JSON.stringify({
				measured: "inventory",
				listings: LISTINGS,
				pages: LISTINGS / INVENTORY_PAGE_SIZE,
				connectToInventoryDoneMs: elapsedMs,
			}),
		);
	}, 120_000);
});
