/**
 * Changes after create: price and stock updates (no review), edit and partial
 * edit (content changes go back to review, price-only ones do not; SKU ids are
 * kept), and deactivate / activate / delete / recover with per-product errors.
 */
import { describe, expect, it } from "vitest";
import { call, knob, newSeller, validTShirt } from "./support/tiktok-sandbox-client";

describe("product updates", () => {
	it("updates price and stock, edits and partially edits", async () => {
		const seller = await newSeller({ auditDelayMs: 600_000 });
		const body = await validTShirt(seller);
		const created = await call(seller, "POST", "/product/202309/products", { json: body });
		const productId = created.body.data.product_id as string;
		await knob("POST", `/sellers/${seller.seller_id}/audit/run`);
		const [skuA, skuB] = created.body.data.skus.map((s: { id: string }) => s.id);

		const price = await call(seller, "POST", `/product/202309/products/${productId}/prices/update`, {
			json: { skus: [{ id: skuA, price: { amount: "9000", currency: "USD" } }] },
		});
		expect(price.body.code).toBe(12052570);
		const foreign = await call(seller, "POST", `/product/202309/products/${productId}/inventory/update`, {
			json: { skus: [{ id: "1729000000000000002", inventory: [{ warehouse_id: seller.warehouse_id, quantity: 3 }] }] },
		});
		expect(foreign.body.code).toBe(12052557);

		const skus = (body.skus as Record<string, unknown>[]).map((s, i) => ({
			...s,
			id: [skuA, skuB][i],
			price: { amount: "15.00", currency: "USD" },
		}));
		const priceOnly = await call(seller, "PUT", `/product/202309/products/${productId}`, { json: { ...body, skus } });
		expect(priceOnly.body.data, priceOnly.text).toMatchObject({ product_id: productId, audit: { status: "NONE" } });
		expect(priceOnly.body.data.skus.map((s: { id: string }) => s.id)).toEqual([skuA, skuB]);

		const retitled = await call(seller, "POST", `/product/202309/products/${productId}/partial_edit`, {
			json: { title: "Organic Cotton Crew T-Shirt, Relaxed Fit" },
		});
		expect(retitled.body.data.audit.status).toBe("AUDITING");
		const got = await call(seller, "GET", `/product/202309/products/${productId}`);
		expect(got.body.data).toMatchObject({
			status: "ACTIVATE",
			audit: { status: "AUDITING" },
			title: "Organic Cotton Crew T-Shirt, Relaxed Fit",
		});
		expect(got.body.data.skus[0].price.sale_price).toBe("15.00");
	});

	it("deactivates, reactivates, deletes and recovers", async () => {
		const seller = await newSeller();
		const created = await call(seller, "POST", "/product/202309/products", { json: await validTShirt(seller) });
		const productId = created.body.data.product_id as string;
		const missing = "1729000000000000003";

		const off = await call(seller, "POST", "/product/202309/products/deactivate", { json: { product_ids: [productId, missing] } });
		expect(off.body.data.errors).toEqual([
			expect.objectContaining({ code: 12052990, detail: expect.objectContaining({ product_id: missing }) }),
		]);
		expect((await call(seller, "GET", `/product/202309/products/${productId}`)).body.data.status).toBe("SELLER_DEACTIVATED");

		const on = await call(seller, "POST", "/product/202309/products/activate", { json: { product_ids: [productId] } });
		expect(on.body.data).toEqual({});
		expect((await call(seller, "GET", `/product/202309/products/${productId}`)).body.data.status).toBe("ACTIVATE");

		await call(seller, "DELETE", "/product/202309/products", { json: { product_ids: [productId] } });
		expect((await call(seller, "GET", `/product/202309/products/${productId}`)).body.code).toBe(12019150);
		await call(seller, "POST", "/product/202309/products/recover", { json: { product_ids: [productId] } });
		expect((await call(seller, "GET", `/product/202309/products/${productId}`)).body.data.status).toBe("SELLER_DEACTIVATED");

		const tooMany = await call(seller, "POST", "/product/202309/products/deactivate", {
			json: { product_ids: Array.from({ length: 21 }, () => productId) },
		});
		expect(tooMany.body.code).toBe(12019120);
	});
});
