/**
 * The sandbox changes a listing's SKUs the way TikTok does: the `skus` of an
 * edit replace the product's (sent with an id: kept; without: added, with a new
 * id in the answer; left out: removed), stock may be 0 on an edit but not on a
 * create, and a partial edit without `skus` keeps ids, prices and stock.
 */
import { describe, expect, it } from "vitest";
import { call, newSeller, validTShirt } from "./support/tiktok-sandbox-client";

type Sku = { id: string; seller_sku: string };

async function listed() {
	const seller = await newSeller({ auditDelayMs: 600_000 });
	const body = await validTShirt(seller);
	const created = await call(seller, "POST", "/product/202309/products", { json: body });
	expect(created.body.code, created.text).toBe(0);
	const productId = created.body.data.product_id as string;
	const [skuS, skuM] = created.body.data.skus.map((s: Sku) => s.id);
	const [bodyS, bodyM] = body.skus as Record<string, unknown>[];
	const stock = (quantity: number) => [{ warehouse_id: seller.warehouse_id, quantity }];
	const get = async () => (await call(seller, "GET", `/product/202309/products/${productId}`)).body.data;
	const edit = (skus: unknown[]) => call(seller, "POST", `/product/202309/products/${productId}/partial_edit`, { json: { skus } });
	return { seller, body, productId, skuS, skuM, bodyS, bodyM, stock, get, edit };
}

describe("editing a listing's SKUs", () => {
	it("adds a SKU sent without an id, keeps the ones sent with theirs and removes the ones left out", async () => {
		const l = await listed();
		const large = { ...l.bodyS, seller_sku: `${l.bodyS.seller_sku}-L`, sales_attributes: [{ id: "100007", value_name: "L" }] };
		const edited = await l.edit([{ ...l.bodyS, id: l.skuS }, large]);
		expect(edited.body.code, edited.text).toBe(0);
		const skus = edited.body.data.skus as Sku[];
		expect(skus).toHaveLength(2);
		expect(skus[0]).toMatchObject({ id: l.skuS, seller_sku: l.bodyS.seller_sku });
		expect(skus[1].seller_sku).toBe(large.seller_sku);
		expect([l.skuS, l.skuM]).not.toContain(skus[1].id);
		const now = await l.get();
		expect(now.skus.map((s: Sku) => s.id)).toEqual([l.skuS, skus[1].id]);
		expect(JSON.stringify(now.skus)).not.toContain(l.skuM);
	});

	it("allows 0 to 99,999 units per SKU on an edit, 1 to 99,999 on a create", async () => {
		const l = await listed();
		const soldOut = await l.edit([
			{ ...l.bodyS, id: l.skuS, inventory: l.stock(0) },
			{ ...l.bodyM, id: l.skuM },
		]);
		expect(soldOut.body.code, soldOut.text).toBe(0);
		const tooMany = await l.edit([
			{ ...l.bodyS, id: l.skuS, inventory: l.stock(100_000) },
			{ ...l.bodyM, id: l.skuM },
		]);
		expect(tooMany.body.code).toBe(12052055);
		const second = await validTShirt(l.seller);
		const created = await call(l.seller, "POST", "/product/202309/products", {
			json: { ...second, skus: (second.skus as Record<string, unknown>[]).map((s) => ({ ...s, inventory: l.stock(0) })) },
		});
		expect(created.body.code).toBe(12052055);
	});

	it("keeps SKU ids, prices and stock through a partial edit that does not send skus", async () => {
		const l = await listed();
		const stocked = await call(l.seller, "POST", `/product/202309/products/${l.productId}/inventory/update`, {
			json: { skus: [{ id: l.skuM, inventory: l.stock(37) }] },
		});
		expect(stocked.body.code, stocked.text).toBe(0);
		const retitled = await call(l.seller, "POST", `/product/202309/products/${l.productId}/partial_edit`, {
			json: { title: "Organic Cotton Crew T-Shirt, Boxy Fit" },
		});
		expect(retitled.body.code, retitled.text).toBe(0);
		const now = await l.get();
		expect(now.skus.map((s: Sku) => s.id)).toEqual([l.skuS, l.skuM]);
		expect(JSON.stringify(now.skus[1].inventory)).toContain("37");
	});
});
