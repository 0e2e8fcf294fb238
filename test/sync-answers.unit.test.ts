/**
 * What TikTok answers is kept whole: the warnings of an accepted create, the
 * status of a listing found after a lost answer, and a product that cannot be
 * listed fails for its own reason even while the shop's quota is paused.
 * `sync.product` against a fake TikTok port, asserted on the product row.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { upsertProduct } from "../worker/catalog/product-repo";
import { productSync, shops, templates } from "../worker/db/schema";
import { pushProduct } from "../worker/sync/jobs/product-changed";
import { syncProduct } from "../worker/sync/jobs/sync-product";
import { readWarnings } from "../worker/sync/warnings";
import { LEAF } from "./support/fake-tiktok-port";
import { contextWith, db, queuedProduct } from "./support/sync-jobs";
import { storeTemplates } from "./support/template-rows";

const brandWarning =
	"The [brand_id]:7082427311584347905 field is incorrect and has been automatically cleared by the system. Reason: [Brand does not exist]. You can edit it later.";

describe("sync.product keeps TikTok's answers", () => {
	it("stores every warning of an accepted create, with the field TikTok names", async () => {
		const p = await queuedProduct("warned");
		p.fake.answer("createProduct", {
			ok: true,
			value: {
				productId: "tt-w",
				skus: [],
				warnings: [
					{ field: "brand_id", message: brandWarning },
					{ field: null, message: "Something else." },
				],
			},
		});
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		const row = await p.row();
		expect(row).toMatchObject({ syncState: "synced", tiktokProductId: "tt-w" });
		expect(readWarnings(row.warnings)).toEqual([
			{ field: "brand_id", message: brandWarning },
			{ field: null, message: "Something else." },
		]);
	});

	it("a clean create clears the warnings an earlier answer left", async () => {
		const p = await queuedProduct("clean", { warnings: JSON.stringify([{ field: "brand_id", message: brandWarning }]) });
		await syncProduct(p.message, contextWith(p.fake));
		expect((await p.row()).warnings).toBeNull();
	});

	it("adopts a listing found after a lost answer with the status TikTok gives it now (Live), not In review", async () => {
		const p = await queuedProduct("adopt-live", { createInFlightKey: "key-from-before" });
		const sellerSku = p.product.variants[0].sku!;
		const live = {
			id: "tt-live",
			status: "ACTIVATE",
			auditStatus: "APPROVED",
			preApprovedReasons: [],
			failedReasons: [],
			skus: [{ id: "s-1", sellerSku }],
			externalProductId: p.product.gid,
		};
		// The search answer carries no audit; Get Product is TikTok's full word.
		p.fake.answer("searchBySellerSkus", { ok: true, value: [{ ...live, status: "PENDING", auditStatus: undefined }] });
		p.fake.answer("getProduct", { ok: true, value: live });
		await syncProduct(p.message, contextWith(p.fake));
		expect(p.fake.called("createProduct")).toHaveLength(0);
		expect(p.fake.called("getProduct").map((c) => c.args[0])).toEqual(["tt-live"]);
		expect(await p.row()).toMatchObject({ syncState: "synced", tiktokProductId: "tt-live", reviewState: "live" });
	});

	it("adopts a listing TikTok refused in review as Review failed, with its reasons", async () => {
		const p = await queuedProduct("adopt-failed", { createInFlightKey: "key-from-before" });
		const failed = {
			id: "tt-f",
			status: "FAILED",
			auditStatus: "REJECTED",
			preApprovedReasons: [],
			failedReasons: [{ reasons: ["Replica"], suggestions: ["Remove it"] }],
			skus: [{ id: "s-1", sellerSku: p.product.variants[0].sku! }],
		};
		p.fake.answer("searchBySellerSkus", { ok: true, value: [failed] });
		p.fake.answer("getProduct", { ok: true, value: failed });
		await syncProduct(p.message, contextWith(p.fake));
		const row = await p.row();
		expect(row.reviewState).toBe("review_failed");
		expect(JSON.parse(row.reviewReasons!)).toEqual(failed.failedReasons);
	});

	it("fails a sold-out product as OUT_OF_STOCK even while the shop's quota is paused", async () => {
		const p = await queuedProduct("sold-out-paused");
		await upsertProduct(
			db,
			p.shop,
			{ ...p.product, variants: p.product.variants.map((v) => ({ ...v, inventoryQuantity: 0 })) },
			Date.now(),
		);
		await db
			.update(shops)
			.set({ listingQuotaPausedUntil: Date.now() + 3_600_000 })
			.where(eq(shops.id, p.shop));
		expect(await syncProduct(p.message, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(await p.row()).toMatchObject({ syncState: "failed", lastErrorCode: "OUT_OF_STOCK" });
		expect(p.fake.called("createProduct")).toEqual([]);
	});

	it("an edit's warnings replace the stored ones, and a clean edit clears them", async () => {
		const p = await queuedProduct("edit-warned");
		await syncProduct(p.message, contextWith(p.fake));
		await storeTemplates(db, p.shop, [{ id: "tpl-edit" }]);
		await db
			.update(templates)
			.set({ categoryId: LEAF.id, shipping: JSON.stringify({ backupWeight: 0.5 }) })
			.where(eq(templates.shopId, p.shop));
		await db.update(productSync).set({ templateId: "tpl-edit" }).where(eq(productSync.shopId, p.shop));
		const push = { type: "sync.push" as const, shopId: p.shop, productId: p.product.id, what: "content" as const };
		p.fake.answer("partialEdit", {
			ok: true,
			value: {
				auditing: true,
				skus: [],
				warnings: [
					{
						field: "product_attributes",
						message: "The [product_attributes]:1 field is incorrect and has been automatically cleared by the system.",
					},
				],
			},
		});
		expect(await pushProduct(push, contextWith(p.fake))).toEqual({ kind: "done" });
		expect(p.fake.called("partialEdit")).toHaveLength(1);
		expect(readWarnings((await p.row()).warnings)).toEqual([
			{ field: "product_attributes", message: expect.stringContaining("automatically cleared") },
		]);
		expect(await pushProduct(push, contextWith(p.fake))).toEqual({ kind: "done" });
		expect((await p.row()).warnings).toBeNull();
	});
});
