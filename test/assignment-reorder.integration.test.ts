/** Reordering template priorities: one batch, scoped to the shop, and what it changes. */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { effectiveTemplate } from "../worker/templates/assignment/effective";
import { loadTemplatesWithRules } from "../worker/templates/assignment/load";
import { reorderPriorities } from "../worker/templates/assignment/reorder";
import { makeProduct } from "./support/catalog";
import { rule, storeTemplates } from "./support/template-rows";

const SHOP = "reorder.myshopify.com";
const OTHER = "reorder-other.myshopify.com";
const db = createDb(env.DB);
const tee = makeProduct({ title: "Summer Tee", vendor: "Acme", tags: ["summer"] });

const order = async (shopId: string) => (await loadTemplatesWithRules(db, shopId)).map((t) => [t.id, t.priority]);

beforeAll(async () => {
	await storeTemplates(db, SHOP, [
		{ id: "default", isDefault: true },
		{ id: "acme", priority: 1, rules: [rule("vendor", "equals", "acme")] },
		{ id: "summer", priority: 2, rules: [rule("tag", "equals", "summer")] },
		{ id: "mugs", priority: 3, rules: [rule("product_type", "equals", "mugs")] },
	]);
	await storeTemplates(db, OTHER, [{ id: "theirs", priority: 7, rules: [rule("tag", "equals", "summer")] }]);
});

describe("reorderPriorities", () => {
	it("applies the new order, and with it which template wins", async () => {
		expect(effectiveTemplate(tee, await loadTemplatesWithRules(db, SHOP))?.id).toBe("acme");
		expect(await reorderPriorities(db, SHOP, ["summer", "mugs", "acme"])).toEqual({ ok: true, order: ["summer", "mugs", "acme"] });
		expect(await order(SHOP)).toEqual([
			["summer", 1],
			["mugs", 2],
			["acme", 3],
			["default", 0],
		]);
		expect(effectiveTemplate(tee, await loadTemplatesWithRules(db, SHOP))?.id).toBe("summer");
	});

	it("keeps unlisted templates after the listed ones, in their current order", async () => {
		expect(await reorderPriorities(db, SHOP, ["acme"])).toEqual({ ok: true, order: ["acme", "summer", "mugs"] });
	});

	it("refuses another shop's ids, unknown ids, duplicates and the default template, writing nothing", async () => {
		const before = await order(SHOP);
		expect(await reorderPriorities(db, SHOP, ["summer", "theirs"])).toEqual({ ok: false, reason: "unknown_templates", ids: ["theirs"] });
		expect(await reorderPriorities(db, SHOP, ["nope"])).toEqual({ ok: false, reason: "unknown_templates", ids: ["nope"] });
		expect(await reorderPriorities(db, SHOP, ["mugs", "acme", "mugs"])).toEqual({ ok: false, reason: "duplicate_ids", ids: ["mugs"] });
		expect(await reorderPriorities(db, SHOP, ["default", "acme"])).toEqual({ ok: false, reason: "default_template", ids: ["default"] });
		expect(await order(SHOP)).toEqual(before);
		expect(await order(OTHER)).toEqual([["theirs", 7]]);
	});
});
