/**
 * Fault injection per seller: 5xx answers (36009003) that do nothing, and "lost"
 * answers where the write is done but the answer comes after the client gave up.
 * With a seed, the sequence of faults is reproducible.
 */
import { describe, expect, it } from "vitest";
import { type Seller, call, knob, newSeller, validTShirt } from "./support/tiktok-sandbox-client";

const webhook = { event_type: "PRODUCT_STATUS_CHANGE", address: "https://app.test/webhooks/tiktok" };

async function inspect(seller: Seller) {
	return (await knob("GET", `/sellers/${seller.seller_id}/inspect`)).body;
}

describe("fault injection", () => {
	it("answers 500 / 36009003 and does nothing", async () => {
		const seller = await newSeller();
		const body = await validTShirt(seller);
		await knob("POST", `/sellers/${seller.seller_id}/faults`, { errorRate: 1 });
		const res = await call(seller, "POST", "/product/202309/products", { json: body });
		expect([res.status, res.body.code]).toEqual([500, 36009003]);
		const report = await inspect(seller);
		expect(report.listings).toEqual([]);
		expect(report.faults.injected.errors).toBe(1);
		await knob("DELETE", `/sellers/${seller.seller_id}/faults`);
		expect((await call(seller, "POST", "/product/202309/products", { json: body })).body.code).toBe(0);
	});

	it("loses the answer of a write that was carried out; the idempotency key then recovers it", async () => {
		const seller = await newSeller();
		const body = await validTShirt(seller, { idempotency_key: crypto.randomUUID() });
		await knob("POST", `/sellers/${seller.seller_id}/faults`, { lostAnswerRate: 1, slowMs: 5_000 });
		await expect(call(seller, "POST", "/product/202309/products", { json: body, signal: AbortSignal.timeout(500) })).rejects.toThrow();
		let listings: { product_id: string }[] = [];
		for (let i = 0; i < 20 && listings.length === 0; i++) {
			listings = (await inspect(seller)).listings;
			if (listings.length === 0) await new Promise((r) => setTimeout(r, 100));
		}
		expect(listings).toHaveLength(1);
		await knob("DELETE", `/sellers/${seller.seller_id}/faults`);
		const retry = await call(seller, "POST", "/product/202309/products", { json: body });
		expect(retry.body.data.product_id).toBe(listings[0].product_id);
		expect((await inspect(seller)).duplicates).toBe(0);
	});

	it("repeats the same faults for the same seed", async () => {
		const outcomes = async () => {
			const seller = await newSeller();
			await knob("POST", `/sellers/${seller.seller_id}/faults`, { errorRate: 0.5, seed: 42 });
			const codes: number[] = [];
			for (let i = 0; i < 12; i++) codes.push((await call(seller, "PUT", "/event/202309/webhooks", { json: webhook })).body.code);
			return codes;
		};
		const first = await outcomes();
		expect(first).toContain(36009003);
		expect(first).toContain(0);
		expect(await outcomes()).toEqual(first);
	});

	it("delays answers when asked to", async () => {
		const seller = await newSeller();
		await knob("POST", `/sellers/${seller.seller_id}/faults`, { slowRate: 1, slowMs: 50 });
		expect((await call(seller, "GET", "/event/202309/webhooks")).body.code).toBe(0);
		expect((await inspect(seller)).faults.injected.slow).toBe(1);
	});
});
