import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
	getProductWithVariants,
	readStoredProduct,
	markProductDeleted,
	updateVariantWeightByInventoryItem,
	upsertProduct,
} from "../worker/catalog/product-repo";
import { createDb } from "../worker/db/client";
import { productSync, products, variants } from "../worker/db/schema";
import { makeProduct, makeVariant } from "./support/catalog";

const T1 = Date.parse("2026-01-01T00:00:00Z");
const T2 = Date.parse("2026-01-02T00:00:00Z");
const catalogVariant = (id: string, overrides: Parameters<typeof makeVariant>[0] = {}) =>
	makeVariant({ id, inventoryItemId: `9${id}`, weightGrams: null, weightValue: null, weightUnit: null, ...overrides });
const catalogProduct = (id: string, overrides: Parameters<typeof makeProduct>[0] = {}) =>
	makeProduct({ id, collectionIds: ["111"], variants: [catalogVariant(`${id}1`)], shopifyUpdatedAt: T1, ...overrides });

const db = createDb(env.DB);
let n = 0;
/** A fresh shop per test: storage is shared by the tests of this file. */
const freshShop = () => `repo-${++n}.myshopify.com`;

const variantRows = (shopId: string, productId: string) =>
	db
		.select()
		.from(variants)
		.where(and(eq(variants.shopId, shopId), eq(variants.productId, productId)))
		.orderBy(variants.position);
const productRow = async (shopId: string, productId: string) =>
	(
		await db
			.select()
			.from(products)
			.where(and(eq(products.shopId, shopId), eq(products.id, productId)))
	)[0];

describe("upsertProduct", () => {
	it("stores a new product with its variants and a not_synced sync row, and reads it back unchanged", async () => {
		const shop = freshShop();
		const product = catalogProduct("100", { variants: [catalogVariant("1001", { weightGrams: 250, weightValue: 250, weightUnit: "g" })] });
		expect(await upsertProduct(db, shop, product, 1)).toEqual({ changed: true, stale: false });
		expect(await getProductWithVariants(db, shop, "100")).toEqual({ ...product, variantsIncomplete: false });
		const sync = await db.select().from(productSync).where(eq(productSync.shopId, shop));
		expect(sync.map((s) => [s.productId, s.syncState])).toEqual([["100", "not_synced"]]);
	});

	it("writes nothing when the same version is stored again (changed: false)", async () => {
		const shop = freshShop();
		const product = catalogProduct("101");
		await upsertProduct(db, shop, product, 1);
		expect(await upsertProduct(db, shop, product, 2)).toEqual({ changed: false, stale: false });
		expect((await productRow(shop, "101")).updatedAt).toBe(1);
	});

	it("never lets an older version overwrite a newer one", async () => {
		const shop = freshShop();
		await upsertProduct(db, shop, catalogProduct("102", { title: "New", shopifyUpdatedAt: T2 }), 1);
		const result = await upsertProduct(db, shop, catalogProduct("102", { title: "Old", shopifyUpdatedAt: T1, variants: [] }), 2);
		expect(result).toEqual({ changed: false, stale: true });
		expect((await productRow(shop, "102")).title).toBe("New");
		expect(await variantRows(shop, "102")).toHaveLength(1);
	});

	it("writes nothing from an older version that raced past the pre-read (the in-batch version guard)", async () => {
		const shop = freshShop();
		await upsertProduct(db, shop, catalogProduct("108", { title: "First", shopifyUpdatedAt: T1 }), 1);
		const readBeforeTheNewerLanded = await readStoredProduct(db, shop, "108");
		await upsertProduct(db, shop, catalogProduct("108", { title: "New", shopifyUpdatedAt: T2 }), 2);
		const older = catalogProduct("108", { title: "Old", shopifyUpdatedAt: T1, variants: [catalogVariant("1081"), catalogVariant("1089")] });
		expect(await upsertProduct(db, shop, older, 3, { stored: readBeforeTheNewerLanded })).toEqual({ changed: false, stale: true });
		expect((await productRow(shop, "108")).title).toBe("New");
		expect((await variantRows(shop, "108")).map((v) => v.id)).toEqual(["1081"]);
	});

	it("replaces the variants in chunks below 100 bound parameters and deletes the ones gone", async () => {
		const shop = freshShop();
		const many = Array.from({ length: 37 }, (_, i) => catalogVariant(`5${i}`, { position: i + 1, price: `${i}.50` }));
		await upsertProduct(db, shop, catalogProduct("103", { variants: many, shopifyUpdatedAt: T1 }), 1);
		expect(await variantRows(shop, "103")).toHaveLength(37);
		const fewer = many.slice(0, 3).map((v) => ({ ...v, price: "9.00" }));
		expect(await upsertProduct(db, shop, catalogProduct("103", { variants: fewer, shopifyUpdatedAt: T2 }), 2)).toEqual({
			changed: true,
			stale: false,
		});
		const rows = await variantRows(shop, "103");
		expect(rows.map((r) => [r.id, r.price])).toEqual(fewer.map((v) => [v.id, "9.00"]));
		expect((await productRow(shop, "103")).variantCount).toBe(3);
	});

	it("keeps a stored weight for a variant whose inventory item is unchanged, when asked to", async () => {
		const shop = freshShop();
		const weighed = catalogVariant("1041", { inventoryItemId: "77", weightGrams: 500, weightValue: 0.5, weightUnit: "kg" });
		await upsertProduct(db, shop, catalogProduct("104", { variants: [weighed], shopifyUpdatedAt: T1 }), 1);
		const noWeight = { ...weighed, weightGrams: null, weightValue: null, weightUnit: null, price: "5.00" };
		await upsertProduct(db, shop, catalogProduct("104", { variants: [noWeight], shopifyUpdatedAt: T2 }), 2, { keepStoredWeights: true });
		const [kept] = await variantRows(shop, "104");
		expect([kept.price, kept.weightGrams, kept.weightUnit]).toEqual(["5.00", 500, "kg"]);
		expect((await productRow(shop, "104")).weightMaxG).toBe(500);
		// A new inventory item is a different physical item: its weight is not known yet.
		const T3 = T2 + 1000;
		await upsertProduct(db, shop, catalogProduct("104", { variants: [{ ...noWeight, inventoryItemId: "78" }], shopifyUpdatedAt: T3 }), 3, {
			keepStoredWeights: true,
		});
		expect((await variantRows(shop, "104"))[0].weightGrams).toBeNull();
	});

	it("keeps stored variants beyond a cut payload and the stored collections, when asked to", async () => {
		const shop = freshShop();
		const all = [catalogVariant("1051", { position: 1 }), catalogVariant("1052", { position: 2 })];
		await upsertProduct(db, shop, catalogProduct("105", { variants: all, collectionIds: ["9"], shopifyUpdatedAt: T1 }), 1);
		const cut = catalogProduct("105", { variants: [all[0]], collectionIds: [], variantsIncomplete: true, shopifyUpdatedAt: T2 });
		await upsertProduct(db, shop, cut, 2, { keepStoredCollections: true });
		const stored = await getProductWithVariants(db, shop, "105");
		expect(stored?.variants.map((v) => v.id)).toEqual(["1051", "1052"]);
		expect(stored?.collectionIds).toEqual(["9"]);
		expect(stored?.variantsIncomplete).toBe(true);
	});
});

describe("markProductDeleted", () => {
	it("soft-deletes once, keeps the sync row, and ignores later versions", async () => {
		const shop = freshShop();
		await upsertProduct(db, shop, catalogProduct("106", { shopifyUpdatedAt: T1 }), 1);
		expect(await markProductDeleted(db, shop, "106", 5)).toEqual({ changed: true });
		expect(await markProductDeleted(db, shop, "106", 6)).toEqual({ changed: false });
		expect(await upsertProduct(db, shop, catalogProduct("106", { shopifyUpdatedAt: T2 }), 7)).toEqual({ changed: false, stale: true });
		expect((await productRow(shop, "106")).deletedAt).toBe(5);
		expect(await getProductWithVariants(db, shop, "106")).toBeNull();
		expect(await getProductWithVariants(db, shop, "106", { includeDeleted: true })).not.toBeNull();
		expect(await db.select().from(productSync).where(eq(productSync.shopId, shop))).toHaveLength(1);
	});
});

describe("updateVariantWeightByInventoryItem", () => {
	it("sets the weight on the variant holding the item and re-derives the product's weight columns", async () => {
		const shop = freshShop();
		const vs = [
			catalogVariant("1071", { inventoryItemId: "501" }),
			catalogVariant("1072", { inventoryItemId: "502", weightGrams: 100, weightValue: 100, weightUnit: "g" }),
		];
		await upsertProduct(db, shop, catalogProduct("107", { variants: vs }), 1);
		const weight = { weightGrams: 453.59237, weightValue: 1, weightUnit: "lb" };
		expect(await updateVariantWeightByInventoryItem(db, shop, "501", weight, 2)).toEqual({ productIds: ["107"] });
		const row = await productRow(shop, "107");
		expect([row.weightMinG, row.weightMaxG]).toEqual([100, 453.59237]);
		expect(row.searchWeights).toBe("\u001f453.59237\u001f100\u001f");
		// The same weight again changes nothing.
		expect(await updateVariantWeightByInventoryItem(db, shop, "501", weight, 3)).toEqual({ productIds: [] });
		// Another shop's item with the same id is never touched.
		expect(await updateVariantWeightByInventoryItem(db, "other.myshopify.com", "502", weight, 3)).toEqual({ productIds: [] });
	});
});
