/**
 * The demo store's generated catalogue, read through the Admin GraphQL API the way
 * the app's import reads it: the invariants other tests and the demo rely on.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP, shopifySandbox, type Json } from "./sandbox/shopify/client";

const sandbox = shopifySandbox(env.SHOPIFY_ADMIN_BASE);

const PRODUCTS = `query Page($after: String) {
	products(first: 9, after: $after) {
		pageInfo { hasNextPage endCursor }
		nodes { id legacyResourceId title handle descriptionHtml vendor productType tags status updatedAt
			category { id name fullName } collections(first: 10) { nodes { id } }
			options { name optionValues { name } }
			media(first: 10) { nodes { ... on MediaImage { image { url altText width height } } } }
			variantsCount { count }
			variants(first: 100) { pageInfo { hasNextPage endCursor } nodes { id legacyResourceId title sku barcode price compareAtPrice inventoryQuantity
				selectedOptions { name value } position image { url } inventoryItem { id measurement { weight { value unit } } } } } }
	}
}`;

const products: Json[] = [];

beforeAll(async () => {
	const token = await sandbox.token(DEMO_SHOP);
	let after: string | null = null;
	// 9 × (1 + 100) = 909 points requested per page, under the 1,000-point single-query cap; the
	// unused part is refunded, and the bucket refills at 100 points/s when pages come faster.
	for (let page = 0; page < 100; page++) {
		const res = await sandbox.graphqlPatiently(DEMO_SHOP, token, PRODUCTS, { after });
		expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
		expect(res.body.errors).toBeUndefined();
		products.push(...res.body.data.products.nodes);
		if (!res.body.data.products.pageInfo.hasNextPage) break;
		after = res.body.data.products.pageInfo.endCursor;
	}
	// Paced by the 100 points/s restore rate, shared with the other files reading the demo store.
}, 120_000);

describe("demo store catalogue", () => {
	it("has at least 300 products over the sixteen product types and at least 8 vendors", () => {
		expect(products.length).toBeGreaterThanOrEqual(300);
		const byType = Object.groupBy(products, (p) => p.productType);
		expect(Object.keys(byType).sort()).toEqual([
			"Backpacks",
			"Candles",
			"Dog Toys",
			"Dresses",
			"Face Cream",
			"Headphones",
			"Hoodies",
			"Jeans",
			"Lipstick",
			"Mugs",
			"Phone Cases",
			"Power Banks",
			"Sneakers",
			"T-Shirts",
			"Tea",
			"Yoga Mats",
		]);
		for (const list of Object.values(byType)) expect(list!.length).toBeGreaterThanOrEqual(18);
		expect(new Set(products.map((p) => p.vendor)).size).toBeGreaterThanOrEqual(8);
	});

	it("uses the plain product nouns in titles", () => {
		const titles = products.map((p) => p.title);
		expect(titles).toContain("Organic Cotton Crew T-Shirt");
		expect(titles).toContain("20000mAh Power Bank");
		expect(titles).toContain("Lavender Soy Candle");
	});

	it("has 1 to 30 variants per product except products with more than 100, whose first page stops at 100", () => {
		const counts = products.map((p) => p.variantsCount.count as number);
		const regular = counts.filter((n) => n <= 30);
		expect(Math.min(...regular)).toBe(1);
		expect(Math.max(...regular)).toBe(30);
		const large = products.filter((p) => p.variantsCount.count > 100);
		expect(large.length).toBeGreaterThanOrEqual(1);
		for (const p of large) {
			expect(p.variants.nodes).toHaveLength(100);
			expect(p.variants.pageInfo.hasNextPage).toBe(true);
		}
		for (const p of products.filter((x) => x.variantsCount.count <= 100)) expect(p.variants.nodes).toHaveLength(p.variantsCount.count);
	});

	it("keeps weight on the inventory item in all four units, with some missing", () => {
		const variants = products.flatMap((p) => p.variants.nodes);
		const units = new Set(variants.map((v) => v.inventoryItem.measurement.weight?.unit).filter(Boolean));
		expect([...units].sort()).toEqual(["GRAMS", "KILOGRAMS", "OUNCES", "POUNDS"]);
		expect(variants.some((v) => v.inventoryItem.measurement.weight === null)).toBe(true);
		expect(variants.some((v) => v.inventoryItem.measurement.weight?.value === 0)).toBe(true);
	});

	it("has prices as decimal strings, some compare-at prices, some blank SKUs, stock and options", () => {
		const variants = products.flatMap((p) => p.variants.nodes);
		for (const v of variants) expect(v.price).toMatch(/^\d+\.\d{2}$/);
		expect(variants.some((v) => v.compareAtPrice === null)).toBe(true);
		expect(variants.some((v) => typeof v.compareAtPrice === "string" && Number(v.compareAtPrice) > Number(v.price))).toBe(true);
		expect(variants.some((v) => v.sku === null)).toBe(true);
		expect(variants.some((v) => v.inventoryQuantity === 0)).toBe(true);
		const optionNames = new Set(products.flatMap((p) => p.options.map((o: Json) => o.name)));
		expect([...optionNames].sort()).toEqual(["Color", "Material", "Size", "Title"]);
	});

	it("has Shopify standard categories (some products none), collections, drafts and archived products", () => {
		const withCategory = products.filter((p) => p.category);
		expect(withCategory.length).toBeGreaterThan(250);
		expect(withCategory.length).toBeLessThan(products.length);
		expect(withCategory.find((p) => p.productType === "T-Shirts")?.category).toEqual({
			id: "gid://shopify/TaxonomyCategory/aa-1-13-8",
			name: "T-Shirts",
			fullName: "Apparel & Accessories > Clothing > Clothing Tops > T-Shirts",
		});
		expect(products.some((p) => p.collections.nodes.length > 0)).toBe(true);
		const statuses = new Set(products.map((p) => p.status));
		expect([...statuses].sort()).toEqual(["ACTIVE", "ARCHIVED", "DRAFT"]);
	});

	it("has 1 to 6 images on the sandbox CDN and HTML descriptions with lists, tables and images", () => {
		for (const p of products) {
			expect(p.media.nodes.length).toBeGreaterThanOrEqual(1);
			expect(p.media.nodes.length).toBeLessThanOrEqual(6);
			for (const m of p.media.nodes) {
				expect(m.image.url.startsWith(`${sandbox.origin}/cdn/images/`)).toBe(true);
				expect(Math.min(m.image.width, m.image.height)).toBeGreaterThanOrEqual(600);
			}
		}
		const html = products.map((p) => p.descriptionHtml as string);
		expect(html.some((h) => h.includes("<ul>"))).toBe(true);
		expect(html.some((h) => h.includes("<table>"))).toBe(true);
		expect(html.some((h) => h.includes(`<img src="${sandbox.origin}/cdn/images/`))).toBe(true);
	});

	it("pages the variants of a product with more than 100 variants through product(id)", async () => {
		const token = await sandbox.token(DEMO_SHOP);
		const large = products.find((p) => p.variantsCount.count > 100)!;
		const ids: string[] = [];
		let after: string | null = null;
		for (let page = 0; page < 10; page++) {
			const res = await sandbox.graphql(
				DEMO_SHOP,
				token,
				`query V($id: ID!, $after: String) { product(id: $id) { variants(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } } }`,
				{ id: large.id, after },
			);
			const connection = res.body.data.product.variants;
			ids.push(...connection.nodes.map((v: Json) => v.id));
			if (!connection.pageInfo.hasNextPage) break;
			after = connection.pageInfo.endCursor;
		}
		expect(ids).toHaveLength(large.variantsCount.count);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
