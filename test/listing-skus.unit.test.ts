import { describe, expect, it } from "vitest";
import type { CategoryAttribute } from "../worker/tiktok/category-spec";
import { buildSkus } from "../worker/listing/skus";
import { makeProduct, makeVariant } from "./support/catalog";

const sales: CategoryAttribute[] = [
	{ id: "100000", name: "Colour", type: "SALES_PROPERTY", values: [{ id: "1001", name: "Red" }] },
	{ id: "100007", name: "Size", type: "SALES_PROPERTY", values: [{ id: "2001", name: "M" }] },
];
const ctx = { region: "US", currency: "USD", warehouseId: "WH1", salesAttributes: sales };

describe("variants to SKUs", () => {
	it("maps Color and Size onto TikTok's built-in sales properties, by value id when it exists", () => {
		const product = makeProduct({
			options: [
				{ name: "Color", values: ["Red", "Teal"] },
				{ name: "Size", values: ["M"] },
				{ name: "Material", values: ["Cotton"] },
			],
			variants: [
				makeVariant({ option1: "Red", option2: "M", option3: "Cotton" }),
				makeVariant({ option1: "Teal", option2: "M", option3: "Cotton" }),
			],
		});
		const result = buildSkus(product, ctx);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.skus[0].sales_attributes).toEqual([
			{ id: "100000", value_id: "1001" },
			{ id: "100007", value_id: "2001" },
			{ name: "Material", value_name: "Cotton" },
		]);
		expect(result.skus[1].sales_attributes?.[0]).toEqual({ id: "100000", value_name: "Teal" });
	});
	it("sends no sales attributes for Shopify's single default variant", () => {
		const result = buildSkus(makeProduct(), ctx);
		expect(result.ok && result.skus[0].sales_attributes).toBeUndefined();
	});
	it("sends no sales attributes when only one SKU is listed, even for a product with a real option (TikTok: omit for a single SKU)", () => {
		const oneColour = makeProduct({ options: [{ name: "Color", values: ["Red"] }], variants: [makeVariant({ option1: "Red" })] });
		const single = buildSkus(oneColour, ctx);
		expect(single.ok && single.skus.map((s) => s.sales_attributes)).toEqual([undefined]);
		// Two colours, one sold out: one SKU is listed, so again none.
		const oneInStock = makeProduct({
			options: [{ name: "Color", values: ["Red", "Teal"] }],
			variants: [makeVariant({ option1: "Red" }), makeVariant({ option1: "Teal", inventoryQuantity: 0 })],
		});
		const listedOne = buildSkus(oneInStock, ctx);
		expect(listedOne.ok && listedOne.skus.map((s) => s.sales_attributes)).toEqual([undefined]);
	});
	it("generates stable seller SKUs for blank, spaced, too long or duplicate Shopify SKUs", () => {
		const product = makeProduct({
			variants: [
				makeVariant({ id: "11", sku: null }),
				makeVariant({ id: "12", sku: "HAS SPACE" }),
				makeVariant({ id: "13", sku: "X".repeat(51) }),
				makeVariant({ id: "14", sku: "DUP" }),
				makeVariant({ id: "15", sku: "DUP" }),
			],
		});
		const result = buildSkus(product, ctx);
		expect(result.ok && result.skus.map((s) => s.seller_sku)).toEqual(["SHP-11", "SHP-12", "SHP-13", "DUP", "SHP-15"]);
		expect(buildSkus(product, ctx)).toEqual(result);
	});
	it("sends compare-at prices as list prices in the US only when higher than the price", () => {
		const product = makeProduct({
			variants: [makeVariant({ price: "10.00", compareAtPrice: "12.50" }), makeVariant({ price: "10.00", compareAtPrice: "9.00" })],
		});
		const us = buildSkus(product, ctx);
		expect(us.ok && us.skus.map((s) => s.list_price)).toEqual([{ amount: "12.50", currency: "USD" }, undefined]);
		const gb = buildSkus(product, { ...ctx, region: "GB", currency: "GBP" });
		expect(gb.ok && gb.skus.every((s) => s.list_price === undefined)).toBe(true);
	});
	it("leaves sold-out variants out and fails only when nothing is in stock", () => {
		const some = buildSkus(
			makeProduct({ variants: [makeVariant({ id: "21", inventoryQuantity: 0 }), makeVariant({ id: "22", inventoryQuantity: 150_000 })] }),
			ctx,
		);
		expect(some.ok && some.skipped).toEqual(["21"]);
		expect(some.ok && some.skus[0].inventory).toEqual([{ warehouse_id: "WH1", quantity: 99_999 }]);
		const none = buildSkus(makeProduct({ variants: [makeVariant({ inventoryQuantity: 0 })] }), ctx);
		expect(none.ok === false && none.problems.map((p) => p.code)).toEqual(["OUT_OF_STOCK"]);
	});
});
