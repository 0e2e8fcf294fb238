/**
 * Every list endpoint answers at its documented maximum on a store bigger than
 * it: GET /api/products?limit=100 (a page of 100 products and their variants
 * once went past D1's 100 bound parameters), the preview of saved and unsaved
 * rules at limit=100, the category browser at limit=200, and the re-sync of 250
 * named products (its maximum).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertProduct } from "../worker/catalog/product-repo";
import { createDb } from "../worker/db/client";
import { makeProduct, makeVariant } from "./support/catalog";
import { seedInstalledShop } from "./support/shopify";
import { api, type Json } from "./support/sync";
import { connectTikTokShop } from "./support/tiktok";

const SHOP = "hardening-limits.myshopify.com";
const PRODUCTS = 130;
const ids = Array.from({ length: PRODUCTS }, (_, i) => String(7_100_000_000_000 + i));

beforeAll(async () => {
	await seedInstalledShop(SHOP);
	await connectTikTokShop(SHOP);
	const db = createDb(env.DB);
	for (const [i, id] of ids.entries()) {
		await upsertProduct(
			db,
			SHOP,
			makeProduct({
				id,
				title: `Limit tee ${String(i).padStart(3, "0")}`,
				variants: [makeVariant({ id: `${id}1` }), makeVariant({ id: `${id}2` })],
			}),
			Date.now(),
		);
	}
}, 120_000);

describe("list endpoints at their documented maximum", () => {
	it("GET /api/products?limit=100 answers 100 products with their variants", async () => {
		const res = await api<{ products: Json[]; total: number }>(SHOP, "GET", "/api/products?limit=100");
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.products).toHaveLength(100);
		expect(res.body.total).toBe(PRODUCTS);
		expect(res.body.products.every((p) => p.variantCount === 2)).toBe(true);
		const next = await api<{ products: Json[] }>(SHOP, "GET", "/api/products?limit=100&offset=100");
		expect(next.body.products).toHaveLength(PRODUCTS - 100);
	});

	it("previews unsaved and saved rules at limit=100", async () => {
		const rules = { match: "all", rules: [{ column: "title", relation: "contains", condition: "limit tee" }] };
		const unsaved = await api<{ products: Json[]; total: number }>(SHOP, "POST", "/api/templates/preview?limit=100", rules);
		expect(unsaved.status, JSON.stringify(unsaved.body)).toBe(200);
		expect(unsaved.body.products).toHaveLength(100);
		expect(unsaved.body.total).toBe(PRODUCTS);
		const created = await api<Json>(SHOP, "POST", "/api/templates", {
			name: "Tees",
			isDefault: false,
			...rules,
			shipping: { weightUnit: "KILOGRAM", backupWeight: 0.2 },
		});
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		const saved = await api<{ products: Json[] }>(SHOP, "GET", `/api/templates/${created.body.id}/preview?limit=100`);
		expect(saved.status, JSON.stringify(saved.body)).toBe(200);
		expect(saved.body.products).toHaveLength(100);
		const filtered = await api<{ products: Json[] }>(SHOP, "GET", `/api/products?limit=100&templateId=${created.body.id}`);
		expect(filtered.status, JSON.stringify(filtered.body)).toBe(200);
	});

	it("browses categories at limit=200 where the tree has more", async () => {
		const res = await api<{ categories: Json[]; total: number }>(SHOP, "GET", "/api/categories?keyword=e&limit=200");
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.total).toBeGreaterThan(200);
		expect(res.body.categories).toHaveLength(200);
	});

	it("re-syncs 250 named products (the maximum) without a 5xx", async () => {
		const named = [...ids, ...Array.from({ length: 250 - PRODUCTS }, (_, i) => String(7_200_000_000_000 + i))];
		const res = await api<Json>(SHOP, "POST", "/api/products/resync", { productIds: named });
		expect(res.status, JSON.stringify(res.body)).toBe(202);
		expect(res.body).toMatchObject({ queued: 0, edits: 0 });
	});
});
