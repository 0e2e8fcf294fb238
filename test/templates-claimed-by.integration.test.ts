/**
 * `claimedBy` is the one definition of "the products a template claims" that the
 * template routes, the products page and the sync fan-out all use: the shop's
 * own products, active in Shopify and not deleted, that the template's claim
 * selects. An unknown template is a value the caller turns into its own answer
 * (a 409 in the routes, TEMPLATE_GONE in the fan-out), never an exception.
 */
import { env } from "cloudflare:workers";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { products } from "../worker/db/schema";
import { loadTemplatesWithRules } from "../worker/templates/assignment/load";
import { claimedBy } from "../worker/templates/claims";
import { makeProduct } from "./support/catalog";
import { storeCatalog } from "./support/rule-selection";
import { rule, storeTemplates } from "./support/template-rows";

const SHOP = "claimed-a.myshopify.com";
const OTHER = "claimed-b.myshopify.com";
const db = createDb(env.DB);

beforeAll(async () => {
	await storeCatalog(db, SHOP, [
		makeProduct({ id: "1", tags: ["summer"] }),
		makeProduct({ id: "2", tags: ["summer"], status: "draft" }),
		makeProduct({ id: "3", tags: ["summer"] }),
		makeProduct({ id: "4", tags: ["winter"] }),
		makeProduct({ id: "5", tags: ["summer", "winter"] }),
	]);
	await db
		.update(products)
		.set({ deletedAt: 1 })
		.where(and(eq(products.shopId, SHOP), eq(products.id, "3")));
	await storeTemplates(db, SHOP, [
		{ id: "summer", priority: 1, rules: [rule("tag", "equals", "summer")] },
		// First by priority, but inactive: the active "summer" goes first until it is activated.
		{ id: "winter", priority: 0, isActive: false, rules: [rule("tag", "equals", "winter")] },
	]);
	await storeCatalog(db, OTHER, [makeProduct({ id: "9", tags: ["summer"] })]);
});

async function selected(shopId: string, templateId: string, options: { asIfActive?: boolean } = {}) {
	const claimed = claimedBy(shopId, templateId, await loadTemplatesWithRules(db, shopId), options);
	if (!claimed.ok) throw new Error(claimed.reason);
	// No scope added here: the condition itself must keep out other shops, drafts and deleted products.
	const rows = await db.select({ id: products.id }).from(products).where(claimed.where).orderBy(asc(products.id));
	return rows.map((row) => row.id);
}

describe("claimedBy", () => {
	it("selects only the shop's active, not deleted products the template claims", async () => {
		expect(await selected(SHOP, "summer")).toEqual(["1", "5"]);
	});

	it("keeps for an inactive template what no active one selects, and with asIfActive what it would claim once active", async () => {
		expect(await selected(SHOP, "winter")).toEqual(["4"]);
		expect(await selected(SHOP, "winter", { asIfActive: true })).toEqual(["4", "5"]);
	});

	it("answers an unknown template with a value naming the reason", async () => {
		const claimed = claimedBy(SHOP, "gone", await loadTemplatesWithRules(db, SHOP));
		expect(claimed).toEqual({ ok: false, reason: "unknown_template", message: "Template not found." });
	});
});
