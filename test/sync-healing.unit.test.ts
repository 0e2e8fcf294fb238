/**
 * Failures that heal (sync/healing.ts): which change re-queues a failed
 * product, judged from the stored product, and the fix text that says so.
 */
import { describe, expect, it } from "vitest";
import type { CatalogProduct, CatalogVariant } from "../worker/catalog";
import { fromProblems } from "../worker/sync/failure";
import { changesOf, heals, TEMPLATE_HEALABLE } from "../worker/sync/healing";

function productWith(variant: Partial<CatalogVariant>, images = 1): CatalogProduct {
	return {
		id: "1",
		gid: "gid://shopify/Product/1",
		title: "Stoneware Coffee Mug",
		bodyHtml: null,
		vendor: null,
		productType: null,
		handle: null,
		status: "active",
		tags: [],
		categoryId: null,
		categoryName: null,
		categoryFullName: null,
		collectionIds: [],
		options: [],
		images: Array.from({ length: images }, () => ({ src: "https://cdn.test/a.png", width: 800, height: 800, alt: null })),
		shopifyUpdatedAt: 1,
		variants: [
			{
				id: "11",
				gid: "gid://shopify/ProductVariant/11",
				title: null,
				sku: null,
				barcode: null,
				price: "10.00",
				compareAtPrice: null,
				inventoryQuantity: 0,
				inventoryItemId: "111",
				weightGrams: null,
				weightValue: null,
				weightUnit: null,
				option1: null,
				option2: null,
				option3: null,
				position: 1,
				imageSrc: null,
				...variant,
			},
		],
	};
}

const weightArrived = changesOf("inventory_items/update");
const productUpdated = changesOf("products/update");

describe("which change heals which failure", () => {
	it("NO_WEIGHT heals when a weight arrives, not on an unrelated update, and not while the weight is still missing", () => {
		expect(heals("NO_WEIGHT", weightArrived, productWith({ weightGrams: 200 }))).toBe(true);
		expect(heals("NO_WEIGHT", weightArrived, productWith({ weightGrams: null }))).toBe(false);
		expect(heals("NO_WEIGHT", productUpdated, productWith({ weightGrams: 200 }))).toBe(false);
	});

	it("OUT_OF_STOCK heals when Shopify's stock arrives with a product update, and only if some variant is in stock", () => {
		expect(heals("OUT_OF_STOCK", productUpdated, productWith({ inventoryQuantity: 3 }))).toBe(true);
		expect(heals("OUT_OF_STOCK", productUpdated, productWith({ inventoryQuantity: 0 }))).toBe(false);
		expect(heals("OUT_OF_STOCK", weightArrived, productWith({ inventoryQuantity: 3 }))).toBe(false);
	});

	it("a product read whole from the Admin API may fix anything a product can fix", () => {
		const read = changesOf("variants completed");
		expect(heals("NO_WEIGHT", read, productWith({ weightGrams: 5 }))).toBe(true);
		expect(heals("OUT_OF_STOCK", read, productWith({ inventoryQuantity: 1 }))).toBe(true);
		expect(heals("MISSING_ATTRIBUTE", read, productWith({}))).toBe(true);
		expect(heals("NO_IMAGES", read, productWith({}, 0))).toBe(false);
	});

	it("TikTok's refusals, a missing connection and unknown codes never heal by themselves", () => {
		for (const code of ["12019001", "NOT_CONNECTED", "RETRIES_EXHAUSTED", "NO_WAREHOUSE", "constructor", "__proto__", null]) {
			expect(
				heals(code, ["weight", "stock", "product", "template"], productWith({ weightGrams: 1, inventoryQuantity: 1 })),
				String(code),
			).toBe(false);
		}
	});

	it("a template save retries what a template can fix, and not what only Shopify can", () => {
		expect(TEMPLATE_HEALABLE).toEqual(expect.arrayContaining(["NO_WEIGHT", "MISSING_ATTRIBUTE", "NO_CATEGORY", "MISSING_SIZE_CHART"]));
		expect(TEMPLATE_HEALABLE).not.toContain("OUT_OF_STOCK");
		expect(TEMPLATE_HEALABLE).not.toContain("NO_IMAGES");
	});
});

describe("the fix text says what will happen", () => {
	it("a healing failure says it syncs by itself, and on which change; the others say Re-sync", () => {
		expect(fromProblems([{ code: "OUT_OF_STOCK", message: "m", fix: "Add stock in Shopify." }]).lastErrorFix).toBe(
			"Add stock in Shopify. It syncs again by itself when its stock changes in Shopify; no need to press Re-sync.",
		);
		expect(fromProblems([{ code: "NO_WEIGHT", message: "m", fix: "Add a weight." }]).lastErrorFix).toBe(
			"Add a weight. It syncs again by itself when its weight changes in Shopify or its template is saved; no need to press Re-sync.",
		);
		expect(fromProblems([{ code: "NO_WAREHOUSE", message: "m", fix: "Add a warehouse." }]).lastErrorFix).toBe(
			"Add a warehouse. Then press Re-sync.",
		);
	});
});
