/**
 * Rate limit and daily listing quota against the TikTok sandbox: the client returns them
 * (with retryAfterMs) instead of sleeping, so the caller's per-shop limiter can adapt.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { tiktokForShop } from "../worker/tiktok/for-shop";
import { configureSandboxSeller, connectTikTokShop, sandboxProductBody } from "./support/tiktok";

async function connect(shopId: string, options: Parameters<typeof connectTikTokShop>[1] = {}) {
	const { sellerId } = await connectTikTokShop(shopId, options);
	const tiktok = await tiktokForShop(env, createDb(env.DB), shopId);
	if (!tiktok.ok) throw new Error(tiktok.reason);
	return { sellerId, client: tiktok.client, warehouseId: tiktok.shop.tiktokWarehouseId ?? "" };
}

describe("limits", () => {
	it("the daily listing quota ends in quota_exhausted (12052093)", async () => {
		const { client, warehouseId } = await connect("limits-quota.myshopify.com", { dailyListingQuota: 1 });
		const first = await client.createProduct(await sandboxProductBody(client, { sku: "Q-1", warehouseId }));
		expect(first.ok, JSON.stringify(first)).toBe(true);
		const second = await client.createProduct(await sandboxProductBody(client, { sku: "Q-2", warehouseId }));
		expect(second.ok === false && second.error).toMatchObject({ kind: "quota_exhausted", code: 12052093 });
		expect(second.ok === false && second.error.fix).toMatch(/tomorrow/);
	});

	it("a burst of writes over the seller's rate comes back as rate_limited with retryAfterMs, not slept on", async () => {
		const { sellerId, client, warehouseId } = await connect("limits-rate.myshopify.com");
		const created = await client.createProduct(await sandboxProductBody(client, { sku: "R-1", warehouseId }));
		if (!created.ok) throw new Error(created.error.message);
		await configureSandboxSeller(sellerId, { writeRatePerSecond: 1 });
		const { product_id: productId, skus } = created.data;
		// Inventory updates are writes that use no listing quota; 6 at once exceed 1 write/s.
		const results = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				client.updateInventory(productId, [{ id: skus[0].id, inventory: [{ warehouse_id: warehouseId, quantity: i + 1 }] }]),
			),
		);
		const limited = results.flatMap((r) => (!r.ok && r.error.kind === "rate_limited" ? [r.error] : []));
		expect(limited.length, JSON.stringify(results)).toBeGreaterThan(0);
		// Nothing else went wrong: every call either succeeded or was rate limited.
		expect(results.every((r) => r.ok || r.error.kind === "rate_limited")).toBe(true);
		for (const error of limited) expect(error).toMatchObject({ code: 36009002, httpStatus: 429, retryAfterMs: expect.any(Number) });
		expect(limited.every((error) => (error.retryAfterMs ?? 0) >= 1000)).toBe(true);
	});
});
