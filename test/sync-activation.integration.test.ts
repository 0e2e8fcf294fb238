/**
 * Activation through the real Worker, D1, Queue, limiter and both sandboxes:
 * every claimed product is listed once, nothing else is, and activating again
 * or redelivering changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { api, inspectSeller, plainLeaf, setUpShop, settled, type SyncShop, syncRows, templateBodyFor } from "./support/sync";

let ctx: SyncShop;

beforeAll(async () => {
	ctx = await setUpShop("sync-activation", { productCount: 14 });
}, 120_000);

describe("activating templates", () => {
	it("a rule template syncs exactly the products its rules select, into its category", async () => {
		const products = await api<{ products: { id: string; productType: string; status: string }[] }>(
			ctx.shop,
			"GET",
			"/api/products?limit=100",
		);
		const type = products.body.products.find((p) => p.status === "active")?.productType ?? "";
		const category = await plainLeaf(ctx.shop, "candle");
		const created = await api(ctx.shop, "POST", "/api/templates", {
			...(await templateBodyFor(ctx.shop, category)),
			name: "One type",
			isDefault: false,
			match: "all",
			rules: [{ column: "product_type", relation: "equals", condition: type }],
		});
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		const activated = await api<{ queued: number }>(ctx.shop, "POST", `/api/templates/${created.body.id}/activate`);
		expect(activated.status, JSON.stringify(activated.body)).toBe(202);
		const expected = products.body.products
			.filter((p) => p.productType === type && p.status === "active")
			.map((p) => p.id)
			.sort();
		expect(activated.body.queued).toBe(expected.length);

		const rows = await settled(ctx.shop);
		const touched = rows.filter((r) => r.sync_state !== "not_synced");
		expect(touched.map((r) => r.product_id).sort()).toEqual(expected);
		// A product with every variant sold out cannot be listed, and must fail with that reason rather
		// than be listed or left waiting. TEST_STORE_SEED's catalogue has none; the check holds for any seed.
		const synced = touched.filter((r) => r.sync_state === "synced");
		const soldOut = touched.filter((r) => r.sync_state === "failed" && r.last_error_code === "OUT_OF_STOCK");
		expect(synced.length + soldOut.length, JSON.stringify(touched)).toBe(touched.length);

		const seller = await inspectSeller(ctx.sellerId);
		expect(seller.duplicates).toBe(0);
		expect(seller.listings).toHaveLength(synced.length);
		for (const listing of seller.listings as { category_id: string }[]) expect(listing.category_id).toBe(category);
	});

	it("the default template takes every other listable product; a second activation lists nothing twice", async () => {
		const category = await plainLeaf(ctx.shop, "candle");
		const created = await api(ctx.shop, "POST", "/api/templates", {
			...(await templateBodyFor(ctx.shop, category)),
			name: "Default",
			isDefault: true,
		});
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		await api(ctx.shop, "POST", `/api/templates/${created.body.id}/activate`);
		await settled(ctx.shop);
		const again = await api<{ queued: number }>(ctx.shop, "POST", `/api/templates/${created.body.id}/activate`);
		expect(again.body.queued).toBe(0);
		const rows = await settled(ctx.shop);

		const all = await api<{ products: { id: string; status: string }[] }>(ctx.shop, "GET", "/api/products?limit=100");
		const listable = new Set(all.body.products.filter((p) => p.status === "active").map((p) => p.id));
		for (const row of rows) {
			if (listable.has(row.product_id)) expect(["synced", "failed"], `${row.product_id}: ${row.sync_state}`).toContain(row.sync_state);
			else expect(row.sync_state).toBe("not_synced");
		}
		const seller = await inspectSeller(ctx.sellerId);
		expect(seller.duplicates).toBe(0);
		expect(seller.listings).toHaveLength(rows.filter((r) => r.tiktok_product_id).length);
		expect(new Set(rows.filter((r) => r.tiktok_product_id).map((r) => r.tiktok_product_id)).size).toBe(seller.listings.length);
	});

	it("every failure carries TikTok's or our code and a fix", async () => {
		const rows = await syncRows(ctx.shop);
		for (const row of rows.filter((r) => r.sync_state === "failed")) expect(row.last_error_code).toBeTruthy();
	});
});
