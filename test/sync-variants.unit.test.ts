/**
 * Variants over time, against a fake TikTok port: a variant sold out at create
 * joins the listing when restocked, a variant added in Shopify joins it, a
 * deleted one leaves it, each through one partial edit of `skus` (no content
 * setting needed); nothing changed sends nothing, and a repeated or unanswered
 * delivery adds a variant once. The plan itself respects TikTok's SKU limit, a
 * cut Shopify payload, and a listing that must keep at least one SKU.
 */
import { describe, expect, it } from "vitest";
import { upsertProduct } from "../worker/catalog/product-repo";
import type { CatalogProduct, CatalogVariant } from "../worker/catalog/types";
import { productChanged } from "../worker/sync/jobs/product-changed";
import { syncProduct } from "../worker/sync/jobs/sync-product";
import { planVariants } from "../worker/sync/variants";
import type { SkuInput } from "../worker/tiktok/api/product-body";
import { makeProduct, makeVariant } from "./support/catalog";
import { fail } from "./support/fake-tiktok-port";
import { contextWith, db, queuedProduct } from "./support/sync-jobs";

const size = (option1: string, inventoryQuantity: number) => makeVariant({ option1, title: option1, inventoryQuantity });

/** A listed product with sizes S (in stock) and M (`mStock` units). */
async function listedSizes(prefix: string, mStock: number) {
	const p = await queuedProduct(prefix);
	const [s, m] = [size("S", 5), size("M", mStock)];
	let product: CatalogProduct = { ...p.product, options: [{ name: "Size", values: ["S", "M"] }], variants: [s, m] };
	await upsertProduct(db, p.shop, product, Date.now());
	expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
	p.fake.calls.length = 0;
	const change = async (variants: CatalogVariant[]) => {
		product = { ...product, variants, shopifyUpdatedAt: Date.now() };
		await upsertProduct(db, p.shop, product, Date.now());
		return deliver();
	};
	const deliver = () => productChanged({ type: "product.changed", shopId: p.shop, productId: p.product.id }, contextWith(p.fake));
	const map = async () => JSON.parse((await p.row()).tiktokSkus ?? "{}") as Record<string, { skuId: string | null; sellerSku: string }>;
	const edits = () => p.fake.called("partialEdit").map((c) => (c.args[1] as { skus: SkuInput[] }).skus);
	return { ...p, s, m, change, deliver, map, edits };
}

describe("variants joining and leaving a listing", () => {
	it("adds a variant sold out at create once it is back in stock", async () => {
		const p = await listedSizes("variants-restock", 0);
		expect(Object.keys(await p.map())).toEqual([p.s.id]);
		expect(await p.change([p.s, { ...p.m, inventoryQuantity: 3 }])).toEqual({ kind: "done" });
		expect(p.edits()).toEqual([
			[
				expect.objectContaining({ id: `sku-${p.s.sku}`, seller_sku: p.s.sku }),
				expect.objectContaining({ seller_sku: p.m.sku, inventory: [{ warehouse_id: "wh-1", quantity: 3 }] }),
			],
		]);
		expect(p.edits()[0][1]).not.toHaveProperty("id");
		expect(p.edits()[0][1].sales_attributes).toEqual([{ name: "Size", value_name: "M" }]);
		expect(await p.map()).toEqual({
			[p.s.id]: { skuId: `sku-${p.s.sku}`, sellerSku: p.s.sku },
			[p.m.id]: { skuId: `sku-${p.m.sku}`, sellerSku: p.m.sku },
		});
		expect((await p.row()).reviewState).toBe("in_review");
	});

	it("adds a variant created in Shopify after the listing", async () => {
		const p = await listedSizes("variants-new", 4);
		const large = size("L", 7);
		await p.change([p.s, p.m, large]);
		expect(p.edits()).toHaveLength(1);
		expect(p.edits()[0].map((s) => [s.id, s.seller_sku])).toEqual([
			[`sku-${p.s.sku}`, p.s.sku],
			[`sku-${p.m.sku}`, p.m.sku],
			[undefined, large.sku],
		]);
		expect((await p.map())[large.id]).toEqual({ skuId: `sku-${large.sku}`, sellerSku: large.sku });
	});

	it("removes a variant deleted in Shopify, without asking TikTok first", async () => {
		const p = await listedSizes("variants-deleted", 4);
		await p.change([p.s]);
		expect(p.fake.called("getProduct")).toHaveLength(0);
		expect(p.edits().map((skus) => skus.map((s) => s.id))).toEqual([[`sku-${p.s.sku}`]]);
		expect(Object.keys(await p.map())).toEqual([p.s.id]);
	});

	it("sends nothing when the variants did not change, and keeps a sold-out listed variant at 0", async () => {
		const p = await listedSizes("variants-same", 4);
		expect(await p.deliver()).toEqual({ kind: "done" });
		expect(p.fake.calls).toHaveLength(0);
		await p.change([p.s, { ...p.m, inventoryQuantity: 0 }]);
		expect(p.fake.calls.map((c) => c.method)).toEqual(["updateInventory"]);
		expect(p.fake.calls[0].args[1]).toContainEqual({ skuId: `sku-${p.m.sku}`, warehouseId: "wh-1", quantity: 0 });
	});

	it("adds a restocked variant once when the delivery is repeated", async () => {
		const p = await listedSizes("variants-repeat", 0);
		await p.change([p.s, { ...p.m, inventoryQuantity: 2 }]);
		await p.deliver();
		await p.deliver();
		expect(p.edits()).toHaveLength(1);
	});

	it("adopts the SKU of an edit whose answer was lost instead of adding it again", async () => {
		const p = await listedSizes("variants-lost", 0);
		p.fake.answer("partialEdit", fail("timeout", { ambiguous: true }));
		expect(await p.change([p.s, { ...p.m, inventoryQuantity: 2 }])).toMatchObject({ kind: "retry" });
		expect(Object.keys(await p.map())).toEqual([p.s.id]);
		const remoteSkus = [
			{ id: `sku-${p.s.sku}`, sellerSku: p.s.sku! },
			{ id: "tt-sku-m", sellerSku: p.m.sku! },
		];
		p.fake.answer("getProduct", {
			ok: true,
			value: { id: "tt-1", status: "ACTIVATE", preApprovedReasons: [], failedReasons: [], skus: remoteSkus },
		});
		expect(await p.deliver()).toEqual({ kind: "done" });
		expect(p.edits()).toHaveLength(1);
		expect((await p.map())[p.m.id]).toEqual({ skuId: "tt-sku-m", sellerSku: p.m.sku });
		expect(p.fake.called("updateInventory").at(-1)?.args[1]).toContainEqual({ skuId: "tt-sku-m", warehouseId: "wh-1", quantity: 2 });
	});

	it("keeps the ids it knew when TikTok's answer lists no SKUs, and adopts the added one on the next push", async () => {
		const p = await listedSizes("variants-terse", 0);
		p.fake.answer("partialEdit", { ok: true, value: { auditing: false, warnings: [], skus: [] } });
		await p.change([p.s, { ...p.m, inventoryQuantity: 2 }]);
		expect(await p.map()).toEqual({
			[p.s.id]: { skuId: `sku-${p.s.sku}`, sellerSku: p.s.sku },
			[p.m.id]: { skuId: null, sellerSku: p.m.sku },
		});
		p.fake.answer("getProduct", {
			ok: true,
			value: { id: "tt-1", status: "ACTIVATE", preApprovedReasons: [], failedReasons: [], skus: [{ id: "tt-sku-m", sellerSku: p.m.sku! }] },
		});
		await p.deliver();
		expect(p.edits()).toHaveLength(1);
		expect((await p.map())[p.m.id]).toEqual({ skuId: "tt-sku-m", sellerSku: p.m.sku });
	});

	it("shows a refused edit on the product and keeps the SKUs it knew", async () => {
		const p = await listedSizes("variants-refused", 0);
		p.fake.answer(
			"partialEdit",
			fail("permanent", { code: "12052550", message: "Sales attributes differ", fix: "Use the same options on every variant." }),
		);
		expect(await p.change([p.s, { ...p.m, inventoryQuantity: 2 }])).toEqual({ kind: "done" });
		expect(await p.row()).toMatchObject({ syncState: "synced", lastErrorCode: "12052550" });
		expect(Object.keys(await p.map())).toEqual([p.s.id]);
	});
});

describe("planning a listing's variants", () => {
	const listedAs = (variants: CatalogVariant[]) =>
		Object.fromEntries(variants.map((v) => [v.id, { skuId: `sku-${v.id}`, sellerSku: v.sku! }]));

	it("adds only as many variants as TikTok's SKU limit leaves room for", () => {
		const listed = Array.from({ length: 99 }, (_, i) => size(`K${i}`, 1));
		const joining = [size("X1", 1), size("X2", 1)];
		const product = { ...makeProduct(), variants: [...listed, ...joining] };
		expect(planVariants(product, listedAs(listed), "SG")?.add.map((a) => a.variant.id)).toEqual([joining[0].id]);
		expect(planVariants(product, listedAs([...listed, joining[0]]), "SG")).toBeNull();
		expect(planVariants(product, listedAs(listed), "US")?.add).toHaveLength(2);
	});

	it("removes nothing when Shopify's payload was cut short", () => {
		const [a, b] = [size("A", 1), size("B", 1)];
		expect(planVariants({ ...makeProduct(), variants: [a], variantsIncomplete: true }, listedAs([a, b]), "US")).toBeNull();
		expect(planVariants({ ...makeProduct(), variants: [a] }, listedAs([a, b]), "US")?.remove).toEqual([b.id]);
	});

	it("keeps the listing non-empty: with every listed variant deleted, the sold-out ones join at 0", () => {
		const [gone, soldOut] = [size("A", 1), size("B", 0)];
		const plan = planVariants({ ...makeProduct(), variants: [soldOut] }, listedAs([gone]), "US");
		expect(plan).toMatchObject({ keep: [], remove: [gone.id], add: [{ variant: { id: soldOut.id } }] });
	});
});
