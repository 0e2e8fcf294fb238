import { describe, expect, it } from "vitest";
import { productFromGraphql, GraphqlProduct } from "../worker/shopify/normalize/graphql-product";
import { legacyIdFromGid, parseJsonKeepingBigIds } from "../worker/shopify/normalize/ids";
import { productFromWebhook, RestProduct } from "../worker/shopify/normalize/rest-product";
import { restProductPayload, shopifyJson } from "./support/shopify-payloads";

describe("parseJsonKeepingBigIds", () => {
	it("keeps ids above 2^53 exact, where JSON.parse rounds them", () => {
		const text = '{"id": 788032119674292922, "small": 9554194432293, "price": 19.99}';
		expect((JSON.parse(text) as { id: number }).id).toBe(788032119674292900);
		expect(parseJsonKeepingBigIds(text)).toEqual({ id: "788032119674292922", small: 9554194432293, price: 19.99 });
	});
});

describe("productFromWebhook", () => {
	const payload = restProductPayload({
		id: 788032119674292922n,
		updatedAt: "2021-12-31T19:00:00-05:00",
		tags: " example,  mens , ,t-shirt",
		status: "ACTIVE",
		variants: [{ id: 642667041472713922n, price: "19.99", inventoryItemId: 9007199254740993n }],
	});
	const product = productFromWebhook(RestProduct.parse(parseJsonKeepingBigIds(shopifyJson(payload))));

	it("takes ids as text from the GIDs and the JSON source, never through a double", () => {
		expect(product.id).toBe("788032119674292922");
		expect(product.variants[0].id).toBe("642667041472713922");
		expect(product.variants[0].inventoryItemId).toBe("9007199254740993");
	});

	it("splits and trims tags, lower-cases the status, keeps prices as strings and the category", () => {
		expect(product.tags).toEqual(["example", "mens", "t-shirt"]);
		expect(product.status).toBe("active");
		expect([product.variants[0].price, product.variants[0].compareAtPrice]).toEqual(["19.99", "24.99"]);
		expect([product.categoryId, product.categoryName]).toEqual(["aa-2-14-3", "T-Shirts"]);
		expect(product.shopifyUpdatedAt).toBe(Date.parse("2022-01-01T00:00:00Z"));
		expect(product.options).toEqual([{ name: "Size", values: ["Small 0"] }]);
	});

	it("has no weight (webhooks carry none since 2024-07) and marks a payload cut at 100 variants", () => {
		expect(product.variants[0].weightGrams).toBeNull();
		expect(product.variantsIncomplete).toBe(false);
		const cut = restProductPayload({ id: 5n, updatedAt: "2026-01-01T00:00:00Z", extraVariantGids: [99n] });
		expect(productFromWebhook(RestProduct.parse(parseJsonKeepingBigIds(shopifyJson(cut)))).variantsIncomplete).toBe(true);
	});
});

describe("productFromGraphql", () => {
	const node = GraphqlProduct.parse({
		id: "gid://shopify/Product/7000000000001",
		legacyResourceId: "7000000000001",
		title: "Linen Shirt",
		handle: "linen-shirt",
		descriptionHtml: "<p>Linen</p>",
		vendor: "Acme",
		productType: "Shirts",
		tags: ["summer ", "linen"],
		status: "DRAFT",
		updatedAt: "2026-01-02T03:04:05Z",
		category: { id: "gid://shopify/TaxonomyCategory/aa-1-13-7", name: "Shirts", fullName: "Apparel & Accessories > Clothing > Shirts" },
		collections: { nodes: [{ id: "gid://shopify/Collection/450000000001" }] },
		options: [
			{ name: "Color", optionValues: [{ name: "Blue" }] },
			{ name: "Size", optionValues: [{ name: "M" }, { name: "L" }] },
		],
		media: { nodes: [{ image: { url: "https://cdn.example/1.jpg", altText: null, width: 800, height: 600 } }, {}] },
		variants: {
			pageInfo: { hasNextPage: true, endCursor: "abc" },
			nodes: [
				{
					id: "gid://shopify/ProductVariant/41000000000001",
					legacyResourceId: "41000000000001",
					title: "Blue / M",
					sku: "",
					barcode: null,
					price: "25.00",
					compareAtPrice: null,
					inventoryQuantity: 3,
					// Reversed on purpose: option1 follows the product's option order.
					selectedOptions: [
						{ name: "Size", value: "M" },
						{ name: "Color", value: "Blue" },
					],
					position: 1,
					image: { url: "https://cdn.example/1.jpg" },
					inventoryItem: { id: "gid://shopify/InventoryItem/5041000000000001", measurement: { weight: { value: 1.5, unit: "POUNDS" } } },
				},
			],
		},
	});
	const product = productFromGraphql(node);

	it("normalises ids, status, tags, category, collections, options and images", () => {
		expect([product.id, product.status, product.tags]).toEqual(["7000000000001", "draft", ["summer", "linen"]]);
		expect([product.categoryId, product.categoryFullName]).toEqual(["aa-1-13-7", "Apparel & Accessories > Clothing > Shirts"]);
		expect(product.collectionIds).toEqual(["450000000001"]);
		expect(product.images).toEqual([{ src: "https://cdn.example/1.jpg", width: 800, height: 600, alt: null }]);
		expect(product.variantsIncomplete).toBe(true);
	});

	it("converts the inventory item's weight to grams and orders options like the product", () => {
		const [v] = product.variants;
		expect(v.weightGrams).toBeCloseTo(680.388555, 6);
		expect([v.weightValue, v.weightUnit]).toEqual([1.5, "lb"]);
		expect([v.option1, v.option2, v.sku, v.inventoryItemId]).toEqual(["Blue", "M", null, "5041000000000001"]);
	});
});

describe("legacyIdFromGid", () => {
	it("checks the type and refuses what is not a GID", () => {
		expect(legacyIdFromGid("gid://shopify/Product/1", "Product")).toBe("1");
		expect(legacyIdFromGid("gid://shopify/Product/1", "Collection")).toBeNull();
		expect(legacyIdFromGid("1")).toBeNull();
	});
});
