/**
 * shop_cipher rules: shop-scoped calls without it answer 106013; calls that must
 * not carry it (authorization, uploads) answer 36009004 "Unexpected identifier";
 * another shop's cipher is refused.
 */
import { describe, expect, it } from "vitest";
import { call, newSeller, pngHeader } from "./support/tiktok-sandbox-client";

describe("shop_cipher", () => {
	it("is required on shop-scoped calls", async () => {
		const seller = await newSeller();
		const res = await call(seller, "GET", "/logistics/202309/warehouses", { cipher: false });
		expect([res.status, res.body.code]).toEqual([400, 106013]);
		const ok = await call(seller, "GET", "/logistics/202309/warehouses");
		expect(ok.body.data.warehouses).toEqual([
			expect.objectContaining({ id: seller.warehouse_id, type: "SALES_WAREHOUSE", is_default: true }),
		]);
	});

	it("is refused where TikTok does not expect it", async () => {
		const seller = await newSeller();
		const shops = await call(seller, "GET", "/authorization/202309/shops", { cipher: true });
		expect(shops.body.code).toBe(36009004);
		expect(shops.body.message).toMatch(/^Unexpected identifier/);
		const form = new FormData();
		form.set("data", new Blob([pngHeader(400, 400)]), "a.png");
		const upload = await call(seller, "POST", "/product/202309/images/upload", { form, cipher: true });
		expect(upload.body.message).toMatch(/^Unexpected identifier/);
	});

	it("must be the seller's own", async () => {
		const [a, b] = await Promise.all([newSeller(), newSeller()]);
		const res = await call(a, "GET", "/logistics/202309/warehouses", { cipher: false, query: { shop_cipher: b.shop_cipher } });
		expect(res.body.code).toBe(36009004);
	});
});
