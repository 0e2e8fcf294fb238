/**
 * Pushes to a listed product against a fake TikTok port: only what changed is
 * sent, a refused push is shown on the product without unlisting it, a rate
 * limit retries without recording anything, an archived product is deactivated once.
 */
import { describe, expect, it } from "vitest";
import { upsertProduct } from "../worker/catalog/product-repo";
import type { CatalogProduct } from "../worker/catalog/types";
import { productChanged } from "../worker/sync/jobs/product-changed";
import { syncProduct } from "../worker/sync/jobs/sync-product";
import { fail } from "./support/fake-tiktok-port";
import { contextWith, db, queuedProduct } from "./support/sync-jobs";

async function listedProduct(prefix: string) {
	const p = await queuedProduct(prefix);
	await syncProduct(p.message, contextWith(p.fake));
	p.fake.calls.length = 0;
	const change = async (next: Partial<CatalogProduct>) => {
		await upsertProduct(db, p.shop, { ...p.product, ...next, shopifyUpdatedAt: Date.now() }, Date.now());
		return productChanged({ type: "product.changed", shopId: p.shop, productId: p.product.id }, contextWith(p.fake));
	};
	return { ...p, change };
}

const methods = (calls: { method: string }[]) => calls.map((c) => c.method);

describe("pushing Shopify changes of a listed product", () => {
	it("sends a new price, and only the price, then records it", async () => {
		const p = await listedProduct("push-price");
		const before = await p.row();
		expect(await p.change({ variants: [{ ...p.product.variants[0], price: "24.99" }] })).toEqual({ kind: "done" });
		expect(methods(p.fake.calls)).toEqual(["updatePrices"]);
		expect(p.fake.calls[0].args).toEqual([
			"tt-1",
			[{ skuId: `sku-${p.product.variants[0].sku}`, amount: "24.99", currency: "USD", listPrice: undefined }],
		]);
		const after = await p.row();
		expect(after.priceHash).not.toBe(before.priceHash);
		expect(await p.change({ variants: [{ ...p.product.variants[0], price: "24.99" }] })).toEqual({ kind: "done" });
		expect(methods(p.fake.calls)).toEqual(["updatePrices"]);
	});

	it("retries a rate-limited push and records nothing until it goes through", async () => {
		const p = await listedProduct("push-limited");
		const before = await p.row();
		p.fake.answer("updateInventory", fail("rate_limited", { retryAfterMs: 3000 }));
		expect(await p.change({ variants: [{ ...p.product.variants[0], inventoryQuantity: 2 }] })).toMatchObject({
			kind: "retry",
			delayMs: 3000,
		});
		expect((await p.row()).inventoryHash).toBe(before.inventoryHash);
	});

	it("shows a refused push on the product, which stays listed", async () => {
		const p = await listedProduct("push-refused");
		p.fake.answer("updateInventory", fail("permanent", { code: "17020001", message: "Warehouse closed", fix: "Reopen the warehouse." }));
		expect(await p.change({ variants: [{ ...p.product.variants[0], inventoryQuantity: 3 }] })).toEqual({ kind: "done" });
		expect(await p.row()).toMatchObject({
			syncState: "synced",
			tiktokProductId: "tt-1",
			lastErrorCode: "17020001",
			lastErrorFix: "Reopen the warehouse.",
		});
	});

	it("deactivates an archived product once", async () => {
		const p = await listedProduct("push-archived");
		expect(await p.change({ status: "archived" })).toEqual({ kind: "done" });
		expect(p.fake.calls.map(({ method, args }) => ({ method, args }))).toEqual([{ method: "deactivate", args: [["tt-1"]] }]);
		expect(await p.row()).toMatchObject({ syncState: "synced", reviewState: "deactivated" });
		await p.change({ status: "archived", title: "Renamed" });
		expect(methods(p.fake.calls)).toEqual(["deactivate"]);
	});
});
