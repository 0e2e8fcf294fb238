/**
 * A valid Create Product, then reading it back with Get Product and Search
 * Products: string ids beyond 2^53, the stored fields, SKU lookups by seller SKU
 * (at most 10 per search), and listing_check passing the same body.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Seller, call, knob, newSeller, validTShirt } from "./support/tiktok-sandbox-client";

let seller: Seller;
beforeAll(async () => {
	seller = await newSeller({ auditDelayMs: 60_000 });
});

describe("create then read", () => {
	it("creates a product with 19-digit string ids and reads it back", async () => {
		const body = await validTShirt(seller);
		const check = await call(seller, "POST", "/product/202309/products/listing_check", { json: body });
		expect(check.body.data, check.text).toMatchObject({ check_result: "PASS", fail_reasons: [] });

		const created = await call(seller, "POST", "/product/202309/products", { json: body });
		expect(created.body.code, created.text).toBe(0);
		const productId = created.body.data.product_id;
		expect(productId).toMatch(/^\d{19}$/);
		expect(BigInt(productId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
		expect(created.text).toContain(`"product_id":"${productId}"`);
		expect(created.body.data.skus).toHaveLength(2);
		for (const sku of created.body.data.skus) expect(sku.id).toMatch(/^\d{19}$/);
		expect(created.body.data.skus[0].sales_attributes[0]).toMatchObject({ id: "100007", value_id: expect.stringMatching(/^\d+$/) });

		const got = await call(seller, "GET", `/product/202309/products/${productId}`);
		expect(got.body.code, got.text).toBe(0);
		expect(got.body.data).toMatchObject({
			id: productId,
			status: "PENDING",
			audit: { status: "AUDITING" },
			title: body.title,
			external_product_id: body.external_product_id,
			package_weight: { value: "0.25", unit: "KILOGRAM" },
		});
		expect(got.body.data.category_chains.map((c: { local_name: string }) => c.local_name)).toEqual([
			"Womenswear & Underwear",
			"Women's Tops",
			"T-shirts",
		]);
		expect(got.body.data.skus[0]).toMatchObject({
			price: { currency: "USD", sale_price: "19.99" },
			inventory: [{ warehouse_id: seller.warehouse_id, quantity: 10 }],
		});
		const image = await fetch(got.body.data.main_images[0].urls[0]);
		expect(image.headers.get("content-type")).toBe("image/png");
		await image.body?.cancel();

		const skus = (body.skus as { seller_sku: string }[]).map((s) => s.seller_sku);
		const found = await call(seller, "POST", "/product/202309/products/search", {
			query: { page_size: "10" },
			json: { seller_skus: [skus[1]] },
		});
		expect(found.body.data.products.map((p: { id: string }) => p.id)).toEqual([productId]);
		expect(found.body.data.total_count).toBe(1);

		const inspection = await knob("GET", `/sellers/${seller.seller_id}/inspect`);
		const listing = inspection.body.listings.find((l: { product_id: string }) => l.product_id === productId);
		expect(listing).toMatchObject({
			status: "PENDING",
			category_id: "601302",
			external_product_id: body.external_product_id,
			seller_skus: skus,
		});
		expect(listing.create_payload).toBe(JSON.stringify(body));
	});

	it("searches with paging and the documented limits", async () => {
		const tooMany = await call(seller, "POST", "/product/202309/products/search", {
			query: { page_size: "10" },
			json: { seller_skus: Array.from({ length: 11 }, (_, i) => `SKU-${i}`) },
		});
		expect(tooMany.body.code).toBe(12019027);
		const badSize = await call(seller, "POST", "/product/202309/products/search", { query: { page_size: "0" }, json: {} });
		expect(badSize.body.code).toBe(12019109);
		for (let i = 0; i < 2; i++) await call(seller, "POST", "/product/202309/products", { json: await validTShirt(seller) });
		const first = await call(seller, "POST", "/product/202309/products/search", { query: { page_size: "2" }, json: { status: "PENDING" } });
		expect(first.body.data.products).toHaveLength(2);
		expect(first.body.data.next_page_token).not.toBe("");
		const second = await call(seller, "POST", "/product/202309/products/search", {
			query: { page_size: "2", page_token: first.body.data.next_page_token },
			json: { status: "PENDING" },
		});
		expect(second.body.data.products.length).toBeGreaterThanOrEqual(1);
		const since = await call(seller, "POST", "/product/202309/products/search", {
			query: { page_size: "50" },
			json: { update_time_ge: Math.floor(Date.now() / 1000) + 3600 },
		});
		expect(since.body.data.products).toEqual([]);
	});

	it("answers 12019150 for a product it does not have", async () => {
		const res = await call(seller, "GET", "/product/202309/products/1729000000000000001");
		expect(res.body.code).toBe(12019150);
	});
});
