/**
 * The overlap report: every pair of templates, active or not, whose rules
 * select common products, how many, which ones, and which template takes them
 * (an active one before an inactive one, else the higher priority).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { overlaps } from "../worker/templates/assignment/overlaps";
import { makeProduct } from "./support/catalog";
import { storeCatalog } from "./support/rule-selection";
import { rule, storeTemplates } from "./support/template-rows";

const SHOP = "overlaps.myshopify.com";
const db = createDb(env.DB);

beforeAll(async () => {
	await storeCatalog(db, SHOP, [
		makeProduct({ id: "1", title: "Acme Summer Tee", vendor: "Acme", tags: ["summer"] }),
		makeProduct({ id: "2", title: "Acme Winter Coat", vendor: "Acme", tags: ["winter"] }),
		makeProduct({ id: "3", title: "Beta Summer Hat", vendor: "Beta", tags: ["summer"] }),
		makeProduct({ id: "4", title: "Acme Beach Towel", vendor: "Acme", tags: ["summer", "beach"] }),
		makeProduct({ id: "5", title: "Gamma Mug", vendor: "Gamma", tags: [] }),
	]);
	await storeTemplates(db, SHOP, [
		{ id: "default", isDefault: true },
		{ id: "acme", priority: 2, rules: [rule("vendor", "equals", "acme")] },
		{ id: "summer", priority: 1, rules: [rule("tag", "equals", "summer")] },
		{ id: "beach", priority: 3, rules: [rule("tag", "equals", "beach")] },
		{ id: "gamma", priority: 4, rules: [rule("vendor", "equals", "gamma")] },
		// Inactive and first by priority: part of the report, but the active "gamma" takes the mug now.
		{ id: "mugs", priority: 0, isActive: false, rules: [rule("title", "contains", "mug")] },
	]);
	// Another shop's product that every rule above would match.
	await storeCatalog(db, "overlaps-other.myshopify.com", [
		makeProduct({ id: "6", title: "Acme Summer Beach", vendor: "Acme", tags: ["summer", "beach"] }),
	]);
});

describe("overlaps", () => {
	it("reports each overlapping pair with its common products and the winner", async () => {
		const report = await overlaps(db, SHOP);
		expect(report).toEqual({
			ok: true,
			overlaps: [
				{
					winnerId: "summer",
					loserId: "acme",
					common: 2,
					sample: [
						{ id: "4", title: "Acme Beach Towel" },
						{ id: "1", title: "Acme Summer Tee" },
					],
				},
				{ winnerId: "summer", loserId: "beach", common: 1, sample: [{ id: "4", title: "Acme Beach Towel" }] },
				{ winnerId: "acme", loserId: "beach", common: 1, sample: [{ id: "4", title: "Acme Beach Towel" }] },
				{ winnerId: "gamma", loserId: "mugs", common: 1, sample: [{ id: "5", title: "Gamma Mug" }] },
			],
		});
	});

	it("limits the sample and reports nothing for a shop without overlaps", async () => {
		const report = await overlaps(db, SHOP, { sampleSize: 1 });
		expect(report.ok && report.overlaps[0].sample).toEqual([{ id: "4", title: "Acme Beach Towel" }]);
		expect(await overlaps(db, "nobody.myshopify.com")).toEqual({ ok: true, overlaps: [] });
	});
});
