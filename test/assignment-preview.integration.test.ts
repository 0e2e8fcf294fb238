/** Preview of an (unsaved) rule set: first page in title order, total, and paging by cursor or offset. */
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { products } from "../worker/db/schema";
import { previewPageSchema, previewTemplate } from "../worker/templates/assignment/preview";
import type { RuleSet } from "../worker/templates/rules/schema";
import { makeProduct } from "./support/catalog";
import { storeCatalog } from "./support/rule-selection";
import { rule } from "./support/template-rows";

const SHOP = "preview.myshopify.com";
const db = createDb(env.DB);
const summer: RuleSet = { match: "all", rules: [rule("tag", "equals", "summer"), rule("status", "equals", "active")] };

beforeAll(async () => {
	const titles = ["banana Tee", "Apple Tee", "cherry Tee", "Date Tee", "apple tee"];
	await storeCatalog(db, SHOP, [
		...titles.map((title, i) => makeProduct({ id: String(10 + i), title, tags: ["summer"], vendor: "Acme", productType: "T-Shirts" })),
		makeProduct({ id: "20", title: "Elder Tee", tags: ["summer"], images: [] }),
		makeProduct({ id: "21", title: "Aardvark Draft", tags: ["summer"], status: "draft" }),
		makeProduct({ id: "22", title: "Aaa Deleted", tags: ["summer"] }),
	]);
	await db
		.update(products)
		.set({ deletedAt: 1 })
		.where(and(eq(products.shopId, SHOP), eq(products.id, "22")));
	await storeCatalog(db, "preview-other.myshopify.com", [makeProduct({ id: "30", title: "AAA Other Shop", tags: ["summer"] })]);
});

describe("previewTemplate", () => {
	it("returns the first page in title order (case-insensitive, then id) and the total", async () => {
		const preview = await previewTemplate(db, SHOP, summer, { limit: 3 });
		expect(preview.total).toBe(6);
		expect(preview.products).toEqual([
			{
				id: "11",
				title: "Apple Tee",
				vendor: "Acme",
				productType: "T-Shirts",
				imageSrc: "https://cdn.example.test/11.png",
				status: "active",
			},
			{
				id: "14",
				title: "apple tee",
				vendor: "Acme",
				productType: "T-Shirts",
				imageSrc: "https://cdn.example.test/14.png",
				status: "active",
			},
			{
				id: "10",
				title: "banana Tee",
				vendor: "Acme",
				productType: "T-Shirts",
				imageSrc: "https://cdn.example.test/10.png",
				status: "active",
			},
		]);
		expect(preview.nextCursor).toEqual(expect.any(String));
	});

	it("pages by cursor and by offset to the same rows, ending without a cursor", async () => {
		const first = await previewTemplate(db, SHOP, summer, { limit: 3 });
		const page = previewPageSchema.parse({ limit: "3", cursor: first.nextCursor });
		const second = await previewTemplate(db, SHOP, summer, page);
		expect(second.products.map((p) => [p.id, p.imageSrc])).toEqual([
			["12", "https://cdn.example.test/12.png"],
			["13", "https://cdn.example.test/13.png"],
			["20", null],
		]);
		expect(second.nextCursor).toBeNull();
		expect(second.total).toBe(6);
		const byOffset = await previewTemplate(db, SHOP, summer, { limit: 3, offset: 3 });
		expect(byOffset.products).toEqual(second.products);
	});

	it("validates the page options at the edge", () => {
		expect(previewPageSchema.parse({})).toEqual({ limit: 25 });
		expect(previewPageSchema.safeParse({ cursor: "garbage!" }).error?.issues[0]?.message).toBe("cursor is not one this API returned");
		expect(previewPageSchema.safeParse({ limit: 101 }).success).toBe(false);
		expect(previewPageSchema.safeParse({ cursor: "WyJhIiwiMSJd", offset: 2 }).error?.issues[0]?.message).toBe(
			"use either cursor or offset, not both",
		);
	});

	it("shows nothing for a shop without matching products", async () => {
		expect(await previewTemplate(db, "nobody.myshopify.com", summer, { limit: 5 })).toEqual({ total: 0, products: [], nextCursor: null });
	});
});
