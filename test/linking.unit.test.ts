/**
 * Linking (worker/linking/): the matcher on its own, and `sync.product` against a
 * fake TikTok port when the product's seller SKUs are already on TikTok.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { shops, tiktokListings, variants } from "../worker/db/schema";
import { type ShopifySide, matchListing } from "../worker/sync/linking/match";
import { upsertProduct } from "../worker/catalog/product-repo";
import { productChanged } from "../worker/sync/jobs/product-changed";
import { syncProduct } from "../worker/sync/jobs/sync-product";
import { contextWith, db, queuedProduct } from "./support/sync-jobs";

const side = (products: Record<string, string[]>, gids: Record<string, string> = {}): ShopifySide => {
	const productsBySku = new Map<string, Set<string>>();
	for (const [id, skus] of Object.entries(products))
		for (const sku of skus) productsBySku.set(sku, (productsBySku.get(sku) ?? new Set()).add(id));
	return { productByGid: new Map(Object.entries(gids)), productsBySku };
};
const listing = (skus: string[], externalProductId?: string) => ({
	id: "tt-1",
	status: "ACTIVATE",
	externalProductId,
	skus: skus.map((s, i) => ({ id: `s${i}`, sellerSku: s })),
});

describe("matchListing", () => {
	const shop = side({ p1: ["A", "B", "C"], p2: ["D"], p3: ["D", "E"] }, { "gid://shopify/Product/1": "p1" });
	it("links a listing whose every SKU is one product's (the product may have more)", () => {
		expect(matchListing(listing(["A", "B"]), shop)).toEqual({ match: "linked", productId: "p1" });
	});
	it("links by external_product_id first, when its SKUs are the product's", () => {
		expect(matchListing(listing(["A"], "gid://shopify/Product/1"), shop)).toEqual({ match: "linked", productId: "p1" });
		expect(matchListing(listing(["D"], "gid://shopify/Product/1"), shop).match).toBe("ambiguous");
	});
	it("calls a SKU shared by several products, SKUs of several products, or a partial overlap ambiguous", () => {
		expect(matchListing(listing(["D"]), shop)).toMatchObject({ match: "ambiguous", reason: expect.stringContaining("D belongs to 2") });
		expect(matchListing(listing(["A", "E"]), shop)).toMatchObject({ match: "ambiguous", reason: expect.stringContaining("2 different") });
		expect(matchListing(listing(["A", "ZZZ"]), shop)).toMatchObject({ match: "ambiguous", reason: expect.stringContaining("ZZZ") });
	});
	it("leaves a listing no product shares a SKU with (or without SKUs) unmatched: on TikTok only", () => {
		expect(matchListing(listing(["X", "Y"]), shop)).toEqual({ match: "unmatched" });
		expect(matchListing(listing([]), shop)).toEqual({ match: "unmatched" });
	});
});

const remote = (id: string, sellerSkus: string[]) => ({
	id,
	status: "ACTIVATE",
	preApprovedReasons: [],
	failedReasons: [],
	skus: sellerSkus.map((s) => ({ id: `sku-${id}-${s}`, sellerSku: s })),
});

describe("sync.product: link before create", () => {
	it("links a product whose SKUs TikTok already lists (made outside the app): no create, Linked with TikTok's SKU ids", async () => {
		const p = await queuedProduct("link");
		const skus = p.product.variants.map((v) => v.sku as string);
		p.fake.answer("searchBySellerSkus", { ok: true, value: [remote("tt-outside", skus)] });
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("createProduct")).toHaveLength(0);
		const row = await p.row();
		expect(row).toMatchObject({
			syncState: "linked",
			tiktokProductId: "tt-outside",
			reviewState: "live",
			leaseToken: null,
			priceHash: null,
		});
		expect(Object.values(JSON.parse(row.tiktokSkus ?? "{}"))).toContainEqual({ skuId: `sku-tt-outside-${skus[0]}`, sellerSku: skus[0] });
		const stored = await db.select().from(tiktokListings).where(eq(tiktokListings.shopId, p.shop));
		expect(stored).toMatchObject([{ tiktokProductId: "tt-outside", match: "linked", productId: p.product.id }]);
	});

	it("refuses to create a product whose SKU is on a TikTok listing with SKUs of no product (partial overlap), saying why", async () => {
		const p = await queuedProduct("ambiguous");
		p.fake.answer("searchBySellerSkus", { ok: true, value: [remote("tt-mixed", [p.product.variants[0].sku as string, "NOT-IN-SHOPIFY"])] });
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("createProduct")).toHaveLength(0);
		expect(await p.row()).toMatchObject({
			syncState: "failed",
			lastErrorCode: "AMBIGUOUS_TIKTOK_MATCH",
			lastErrorMessage: expect.stringContaining("NOT-IN-SHOPIFY"),
		});
		const [stored] = await db.select().from(tiktokListings).where(eq(tiktokListings.shopId, p.shop));
		expect(stored).toMatchObject({ match: "ambiguous", reason: expect.stringContaining("NOT-IN-SHOPIFY") });
	});

	it("answers from an inventory newer than the connection that knows every SKU, without searching", async () => {
		const p = await queuedProduct("fresh");
		const skus = p.product.variants.map((v) => v.sku as string);
		const now = Date.now();
		await db
			.update(shops)
			.set({ tiktokConnectedAt: now - 1000, tiktokInventoryAt: now - 500 })
			.where(eq(shops.id, p.shop));
		const stored = remote("tt-inventoried", skus);
		await db
			.insert(tiktokListings)
			.values({ shopId: p.shop, tiktokProductId: stored.id, skus: JSON.stringify(stored.skus), status: "ACTIVATE", seenAt: now - 500 });
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("searchBySellerSkus")).toHaveLength(0);
		expect(p.fake.called("createProduct")).toHaveLength(0);
		expect(await p.row()).toMatchObject({ syncState: "linked", tiktokProductId: "tt-inventoried" });
	});

	it("creates without a search when a fresh inventory was taken after every variant of the product reached the app", async () => {
		const p = await queuedProduct("covered");
		const now = Date.now();
		await db
			.update(variants)
			.set({ createdAt: now - 2000 })
			.where(eq(variants.shopId, p.shop));
		await db
			.update(shops)
			.set({ tiktokConnectedAt: now - 1500, tiktokInventoryAt: now - 1000 })
			.where(eq(shops.id, p.shop));
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("searchBySellerSkus")).toHaveLength(0);
		expect(p.fake.called("createProduct")).toHaveLength(1);
		expect((await p.row()).syncState).toBe("synced");
	});

	it("searches TikTok for a variant that reached the app after the inventory, though the inventory is fresh", async () => {
		const p = await queuedProduct("newer-variant");
		const now = Date.now();
		await db
			.update(variants)
			.set({ createdAt: now - 500 })
			.where(eq(variants.shopId, p.shop));
		await db
			.update(shops)
			.set({ tiktokConnectedAt: now - 1500, tiktokInventoryAt: now - 1000 })
			.where(eq(shops.id, p.shop));
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("searchBySellerSkus")).toHaveLength(1);
		expect(p.fake.called("createProduct")).toHaveLength(1);
	});

	it("searches when the inventory is older than the last connect, and creates when TikTok has nothing", async () => {
		const p = await queuedProduct("stale");
		const now = Date.now();
		await db
			.update(shops)
			.set({ tiktokConnectedAt: now - 500, tiktokInventoryAt: now - 1000 })
			.where(eq(shops.id, p.shop));
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("searchBySellerSkus")).toHaveLength(1);
		expect(p.fake.called("createProduct")).toHaveLength(1);
		expect((await p.row()).syncState).toBe("synced");
	});

	it("a listing the merchant skipped (none of their products) no longer holds back the create", async () => {
		const p = await queuedProduct("skipped");
		const mixed = remote("tt-skipped", [p.product.variants[0].sku as string, "NOT-IN-SHOPIFY"]);
		await db.insert(tiktokListings).values({
			shopId: p.shop,
			tiktokProductId: mixed.id,
			skus: JSON.stringify(mixed.skus),
			status: "ACTIVATE",
			match: "skipped",
			seenAt: Date.now(),
		});
		p.fake.answer("searchBySellerSkus", { ok: true, value: [mixed] });
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("createProduct")).toHaveLength(1);
		expect((await p.row()).syncState).toBe("synced");
	});
});

describe("pushes to a linked product", () => {
	it("a new Shopify variant and edited content are not sent to the merchant's listing; price and stock are", async () => {
		const p = await queuedProduct("linked-push");
		const first = p.product.variants[0];
		// Linked to a listing that has only the first variant's SKU.
		p.fake.answer("searchBySellerSkus", { ok: true, value: [remote("tt-partial", [first.sku as string])] });
		await db.update(shops).set({ pushContentEdits: true }).where(eq(shops.id, p.shop));
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect((await p.row()).syncState).toBe("linked");
		p.fake.calls.length = 0;
		const extra = { ...first, id: `${first.id}9`, gid: `${first.gid}9`, sku: "BRAND-NEW-VARIANT", price: "31.00" };
		await upsertProduct(
			db,
			p.shop,
			{ ...p.product, title: "Edited in Shopify", variants: [{ ...first, price: "27.50" }, extra], shopifyUpdatedAt: Date.now() },
			Date.now(),
		);
		expect(await productChanged({ type: "product.changed", shopId: p.shop, productId: p.product.id }, contextWith(p.fake))).toEqual({
			kind: "done",
		});
		const sent = p.fake.calls.map((c) => c.method);
		expect(sent).not.toContain("partialEdit");
		expect(sent).toContain("updatePrices");
		expect(p.fake.called("updatePrices")[0].args).toEqual([
			"tt-partial",
			[expect.objectContaining({ skuId: `sku-tt-partial-${first.sku}`, amount: "27.50" })],
		]);
		expect((await p.row()).syncState).toBe("linked");
	});
});
