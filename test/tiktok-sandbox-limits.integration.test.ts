/**
 * Per-seller limits: writes beyond the per-second rate answer HTTP 429, code
 * 36009002 and a Retry-After (reads have their own, higher budget); creates
 * beyond the daily listing quota answer 12052093, while listing_check and price
 * or stock updates do not use the quota; a knob starts a new day.
 */
import { describe, expect, it } from "vitest";
import { call, knob, newSeller, validTShirt } from "./support/tiktok-sandbox-client";

describe("rate limit", () => {
	it("answers 429 with Retry-After beyond the write rate, and keeps reads separate", async () => {
		const seller = await newSeller({ writeRatePerSecond: 3, readRatePerSecond: 100 });
		const json = { event_type: "PRODUCT_STATUS_CHANGE", address: "https://app.test/webhooks/tiktok" };
		const results = await Promise.all(Array.from({ length: 12 }, () => call(seller, "PUT", "/event/202309/webhooks", { json })));
		const limited = results.filter((r) => r.status === 429);
		expect(limited.length).toBeGreaterThanOrEqual(1);
		expect(limited[0].body.code).toBe(36009002);
		expect(Number(limited[0].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
		const read = await call(seller, "GET", "/event/202309/webhooks");
		expect(read.body.code).toBe(0);
		const inspection = await knob("GET", `/sellers/${seller.seller_id}/inspect`);
		expect(inspection.body.rate_limited).toBe(limited.length);
		expect(inspection.body.requests.max_writes_per_second).toBeLessThanOrEqual(3);
	});
});

describe("daily listing quota", () => {
	it("refuses creates beyond the quota with 12052093 until the day is reset", async () => {
		const seller = await newSeller({ dailyListingQuota: 1 });
		const first = await validTShirt(seller);
		expect((await call(seller, "POST", "/product/202309/products", { json: first })).body.code).toBe(0);
		const second = await validTShirt(seller);
		const check = await call(seller, "POST", "/product/202309/products/listing_check", { json: second });
		expect(check.body.data.check_result).toBe("PASS");
		const refused = await call(seller, "POST", "/product/202309/products", { json: second });
		expect(refused.body.code).toBe(12052093);

		const listing = (await knob("GET", `/sellers/${seller.seller_id}/inspect`)).body.listings[0];
		const product = await call(seller, "GET", `/product/202309/products/${listing.product_id}`);
		const skuId = product.body.data.skus[0].id;
		const price = await call(seller, "POST", `/product/202309/products/${listing.product_id}/prices/update`, {
			json: { skus: [{ id: skuId, price: { amount: "17.50", currency: "USD" } }] },
		});
		expect(price.body.code, price.text).toBe(0);
		const stock = await call(seller, "POST", `/product/202309/products/${listing.product_id}/inventory/update`, {
			json: { skus: [{ id: skuId, inventory: [{ warehouse_id: seller.warehouse_id, quantity: 0 }] }] },
		});
		expect(stock.body.code, stock.text).toBe(0);

		expect((await knob("POST", `/sellers/${seller.seller_id}/quota/reset`)).status).toBe(200);
		expect((await call(seller, "POST", "/product/202309/products", { json: second })).body.code).toBe(0);
	});
});
