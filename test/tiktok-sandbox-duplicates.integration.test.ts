/**
 * Duplicate-listing guards: a repeated idempotency_key returns the original answer
 * without a second listing, a second product with the same external_product_id
 * fails with 12052996, and inspection counts duplicate listings.
 */
import { describe, expect, it } from "vitest";
import { call, knob, newSeller, validTShirt } from "./support/tiktok-sandbox-client";

describe("duplicate guards", () => {
	it("replays the original answer for a repeated idempotency key", async () => {
		const seller = await newSeller();
		const body = await validTShirt(seller, { idempotency_key: crypto.randomUUID() });
		const first = await call(seller, "POST", "/product/202309/products", { json: body });
		const second = await call(seller, "POST", "/product/202309/products", { json: body });
		expect(first.body.code, first.text).toBe(0);
		expect(second.body.data).toEqual(first.body.data);
		const inspection = await knob("GET", `/sellers/${seller.seller_id}/inspect`);
		expect(inspection.body.listings).toHaveLength(1);
		expect(inspection.body.listings[0].idempotent_replays).toBe(1);
		expect(inspection.body.quota.used).toBe(1);
		expect(inspection.body.duplicates).toBe(0);
	});

	it("refuses a second product with the same external_product_id", async () => {
		const seller = await newSeller();
		const body = await validTShirt(seller);
		expect((await call(seller, "POST", "/product/202309/products", { json: body })).body.code).toBe(0);
		const again = { ...(await validTShirt(seller)), external_product_id: body.external_product_id };
		const res = await call(seller, "POST", "/product/202309/products", { json: again });
		expect(res.body).toMatchObject({ code: 12052996, message: "external_id duplicated" });
		const check = await call(seller, "POST", "/product/202309/products/listing_check", { json: again });
		expect(check.body.data.fail_reasons).toContainEqual({ code: 12052996, message: "external_id duplicated" });
		const inspection = await knob("GET", `/sellers/${seller.seller_id}/inspect`);
		expect(inspection.body.duplicates).toBe(0);
		expect(inspection.body.rejected["12052996"]).toBe(1);
	});

	it("counts listings of the same seller SKUs as duplicates", async () => {
		const seller = await newSeller();
		const body = await validTShirt(seller);
		await call(seller, "POST", "/product/202309/products", { json: body });
		const copy = { ...body, external_product_id: undefined, idempotency_key: crypto.randomUUID() };
		expect((await call(seller, "POST", "/product/202309/products", { json: copy })).body.code).toBe(0);
		const inspection = await knob("GET", `/sellers/${seller.seller_id}/inspect`);
		expect(inspection.body.duplicates).toBe(1);
		expect(inspection.body.duplicate_groups[0]).toHaveLength(2);
	});
});
