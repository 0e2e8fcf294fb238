/**
 * Resetting a seller (POST /__sandbox/reset {seller_id}) removes its listings,
 * tokens and settings; other sellers are untouched. The global form (no body)
 * wipes everything and is left to manual runs, since test files share the sandbox.
 */
import { describe, expect, it } from "vitest";
import { call, knob, newSeller, validTShirt } from "./support/tiktok-sandbox-client";

describe("POST /__sandbox/reset", () => {
	it("wipes one seller and leaves the others alone", async () => {
		const [gone, kept] = await Promise.all([newSeller(), newSeller()]);
		expect((await call(gone, "POST", "/product/202309/products", { json: await validTShirt(gone) })).body.code).toBe(0);
		expect((await call(kept, "POST", "/product/202309/products", { json: await validTShirt(kept) })).body.code).toBe(0);
		const reset = await knob("POST", "/reset", { seller_id: gone.seller_id });
		expect(reset.body).toEqual({ reset: 1 });
		expect((await knob("GET", `/sellers/${gone.seller_id}/inspect`)).status).toBe(404);
		expect((await call(gone, "GET", "/authorization/202309/shops")).body.code).toBe(36009004);
		expect((await knob("GET", `/sellers/${kept.seller_id}/inspect`)).body.listings).toHaveLength(1);
	});

	it("rejects bad knob input with 400", async () => {
		expect((await knob("POST", "/sellers", { region: "XX" })).status).toBe(400);
		expect((await knob("POST", "/sellers/nobody-here/faults", { errorRate: 2 })).status).toBe(400);
		expect((await knob("POST", "/sellers/nobody-here/faults", { errorRate: 0.1 })).status).toBe(404);
	});
});
