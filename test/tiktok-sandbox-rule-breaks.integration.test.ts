/**
 * The sandbox holds the app to a documented rule TikTok states without an error
 * code: a single-SKU product omits sales_attributes. It accepts such a create
 * (as TikTok does) and counts it in the seller's inspection.
 */
import { beforeAll, expect, it } from "vitest";
import { type Seller, call, knob, newSeller, validTShirt } from "./support/tiktok-sandbox-client";

let seller: Seller;
beforeAll(async () => {
	seller = await newSeller({ auditDelayMs: 60_000 });
});

const breaks = async () => (await knob("GET", `/sellers/${seller.seller_id}/inspect`)).body.rule_breaks;

it("counts a single-SKU create sent with sales_attributes, and not one sent without", async () => {
	expect(await breaks()).toEqual({ single_sku_sales_attributes: 0 });
	const withAttributes = await validTShirt(seller);
	const [first] = withAttributes.skus as Record<string, unknown>[];
	const created = await call(seller, "POST", "/product/202309/products", { json: { ...withAttributes, skus: [first] } });
	expect(created.body.code, created.text).toBe(0);
	expect(await breaks()).toEqual({ single_sku_sales_attributes: 1 });

	const without = await validTShirt(seller);
	const { sales_attributes: _omitted, ...sku } = (without.skus as Record<string, unknown>[])[0];
	const clean = await call(seller, "POST", "/product/202309/products", { json: { ...without, skus: [sku] } });
	expect(clean.body.code, clean.text).toBe(0);
	expect(await breaks()).toEqual({ single_sku_sales_attributes: 1 });
});
