/**
 * The TikTok client against the TikTok sandbox (which speaks the documented protocol):
 * reference data, a real image upload, a valid create that comes back with exact big ids,
 * and the documented rejections mapped to our error kinds.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import type { CreateProductBody } from "../worker/tiktok/api/product-body";
import type { TikTokClient } from "../worker/tiktok/client";
import type { TikTokResult } from "../worker/tiktok/errors";
import { tiktokForShop } from "../worker/tiktok/for-shop";
import { connectTikTokShop, makePng, sandboxProductBody } from "./support/tiktok";

const shopId = "client-sandbox.myshopify.com";
let client: TikTokClient;
let warehouseId: string;
let imageUri: string;
let leafId: string;

function must<T>(result: TikTokResult<T>): T {
	if (!result.ok) throw new Error(`${result.error.kind} ${result.error.code}: ${result.error.message}`);
	return result.data;
}

function failure<T>(result: TikTokResult<T>) {
	if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
	return result.error;
}

const validBody = async (sku: string): Promise<CreateProductBody> =>
	sandboxProductBody(client, { sku, warehouseId, imageUri, categoryId: leafId });

beforeAll(async () => {
	// A generous write rate: this file tests payloads, not throttling (see tiktok-client-limits).
	await connectTikTokShop(shopId, { region: "US", writeRatePerSecond: 1000, readRatePerSecond: 1000 });
	const tiktok = await tiktokForShop(env, createDb(env.DB), shopId);
	if (!tiktok.ok) throw new Error(tiktok.reason);
	client = tiktok.client;
	warehouseId = tiktok.shop.tiktokWarehouseId ?? "";
	imageUri = must(
		await client.uploadImage({ data: await makePng(320, 320), useCase: "MAIN_IMAGE", fileName: "mug.png", contentType: "image/png" }),
	).uri;
	const recommended = must(await client.recommendCategory({ productTitle: "Ceramic coffee mug 350 ml", images: [{ uri: imageUri }] }));
	leafId = recommended.leaf_category_id;
});

describe("reference data", () => {
	it("lists categories (v2 tree for a US shop) and filters by keyword", async () => {
		const { categories } = must(await client.getCategories());
		expect(categories.length).toBeGreaterThan(10);
		expect(categories.some((c) => c.is_leaf && c.permission_statuses.includes("AVAILABLE"))).toBe(true);
		const mugs = must(await client.getCategories({ keyword: "Mugs" })).categories;
		expect(mugs.length).toBeGreaterThan(0);
		expect(mugs.every((c) => /mug/i.test(c.local_name))).toBe(true);
	});

	it("recommends a leaf with its path from the root", async () => {
		const recommended = must(await client.recommendCategory({ productTitle: "Ceramic coffee mug 350 ml" }));
		expect(recommended.leaf_category_id).toMatch(/^\d+$/);
		const last = recommended.categories[recommended.categories.length - 1];
		expect(last).toMatchObject({ id: recommended.leaf_category_id, is_leaf: true });
	});

	it("reads a leaf's attributes and rules", async () => {
		const { attributes } = must(await client.getCategoryAttributes(leafId));
		expect(attributes.length).toBeGreaterThan(0);
		for (const a of attributes) expect(["SALES_PROPERTY", "PRODUCT_PROPERTY"]).toContain(a.type);
		const rules = must(await client.getCategoryRules(leafId));
		expect(Array.isArray(rules.product_certifications)).toBe(true);
	});

	it("lists the shop's warehouses with a default sales warehouse", async () => {
		const { warehouses } = must(await client.getWarehouses());
		expect(warehouses.map((w) => w.id)).toContain(warehouseId);
	});
});

describe("images", () => {
	it("uploads a real PNG and returns a TikTok uri with its size", async () => {
		const image = must(await client.uploadImage({ data: await makePng(400, 300), useCase: "MAIN_IMAGE", contentType: "image/png" }));
		expect(image.uri).toMatch(/\S/);
		expect(image).toMatchObject({ width: 400, height: 300 });
	});

	it("refuses a main image under 300×300", async () => {
		const error = failure(await client.uploadImage({ data: await makePng(120, 120), useCase: "MAIN_IMAGE", contentType: "image/png" }));
		expect(error.kind).toBe("images");
	});

	it("refuses bytes that are not an image", async () => {
		const error = failure(await client.uploadImage({ data: new TextEncoder().encode("not an image"), useCase: "MAIN_IMAGE" }));
		expect(error.kind).toBe("images");
	});
});

describe("products", () => {
	it("creates a valid product: exact big ids, then get and search find it", async () => {
		const created = must(await client.createProduct(await validBody("MUG-OK-1")));
		expect(created.product_id).toMatch(/^\d{17,}$/);
		expect(created.skus[0]).toMatchObject({ seller_sku: "MUG-OK-1" });
		expect(created.skus[0].id).toMatch(/^\d{17,}$/);
		const product = must(await client.getProduct(created.product_id));
		expect(product.id).toBe(created.product_id);
		expect(["PENDING", "ACTIVATE", "FAILED"]).toContain(product.status);
		const found = must(await client.findProductsBySellerSkus(["MUG-OK-1"]));
		expect(found.map((p) => p.id)).toContain(created.product_id);
	});

	it("a repeated create with the same idempotency key does not create a second product", async () => {
		const body = await validBody("MUG-IDEM-1");
		const first = must(await client.createProduct(body));
		const second = await client.createProduct(body);
		if (second.ok) expect(second.data.product_id).toBe(first.product_id);
		else expect(second.error.kind).toBe("duplicate_external_id");
		const found = must(await client.findProductsBySellerSkus(["MUG-IDEM-1"]));
		expect(found).toHaveLength(1);
	});

	it("refuses a second product for the same external_product_id (12052996)", async () => {
		const body = await validBody("MUG-DUP-1");
		must(await client.createProduct(body));
		const error = failure(
			await client.createProduct({
				...body,
				idempotency_key: "another-key",
				skus: body.skus.map((s) => ({ ...s, seller_sku: "MUG-DUP-2" })),
			}),
		);
		expect(error).toMatchObject({ kind: "duplicate_external_id", code: 12052996 });
	});

	it("listing_check reports a missing required attribute without creating anything", async () => {
		const body = await validBody("MUG-CHECK-1");
		if (!body.product_attributes?.length) return expect.unreachable("the recommended leaf should have a required attribute");
		const result = must(await client.checkListing({ ...body, product_attributes: [] }));
		expect(result.check_result).toBe("FAILED");
		expect(result.fail_reasons.map((r) => r.code)).toContain(12052104);
		expect(must(await client.findProductsBySellerSkus(["MUG-CHECK-1"]))).toHaveLength(0);
	});

	it.each([
		[
			"a non-leaf category",
			async () => ({ category_id: must(await client.getCategories()).categories.find((c) => !c.is_leaf)?.id ?? "0" }),
			"category_not_permitted",
			12052024,
		],
		["a zero weight", async () => ({ package_weight: { value: "0", unit: "KILOGRAM" as const } }), "package", 12052181],
		["a missing required attribute", async () => ({ product_attributes: [] }), "attributes", 12052104],
		["an image TikTok does not host", async () => ({ main_images: [{ uri: "https://cdn.shopify.com/x.png" }] }), "images", undefined],
		[
			"imperial weight with metric dimensions",
			async () => ({
				package_weight: { value: "1", unit: "POUND" as const },
				package_dimensions: { length: "1", width: "1", height: "1", unit: "CENTIMETER" as const },
			}),
			"package",
			12052915,
		],
	] as const)("rejects %s", async (_, change, kind, code) => {
		const sku = `MUG-BAD-${Math.random().toString(36).slice(2, 8)}`;
		const error = failure(await client.createProduct({ ...(await validBody(sku)), ...(await change()) }));
		expect(error.kind).toBe(kind);
		if (code) expect(error.code).toBe(code);
		expect(error.requestId).toBeTruthy();
		expect(error.fix.length).toBeGreaterThan(10);
	});
});
