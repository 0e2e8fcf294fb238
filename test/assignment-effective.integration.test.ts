/**
 * Which template a product belongs to, decided from templates stored in D1:
 * the default takes only what no template, active or not, selects; priority
 * (then id) decides between matching templates; an active template goes before
 * an inactive one, which keeps what is left of its products for a manual sync;
 * and another shop's templates and products never take part.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { templateRules } from "../worker/db/schema";
import { claimCondition } from "../worker/templates/assignment/claim";
import { effectiveTemplate } from "../worker/templates/assignment/effective";
import { loadTemplatesWithRules } from "../worker/templates/assignment/load";
import { makeProduct, makeVariant } from "./support/catalog";
import { sqlIds, storeCatalog } from "./support/rule-selection";
import { rule, storeTemplates } from "./support/template-rows";

const SHOP = "assign-a.myshopify.com";
const OTHER = "assign-b.myshopify.com";
const db = createDb(env.DB);

const tee = makeProduct({ id: "1", title: "Summer Tee", tags: ["summer"], productType: "T-Shirts" });
const mug = makeProduct({ id: "2", title: "Mug", tags: ["kitchen"], productType: "Mugs", variants: [makeVariant({ price: "8" })] });
const dress = makeProduct({
	id: "3",
	title: "Summer Dress",
	tags: ["summer"],
	productType: "Dresses",
	variants: [makeVariant({ price: "80" })],
});
const hat = makeProduct({ id: "4", title: "Hat", tags: [], productType: "Hats" });
const catalog = [tee, mug, dress, hat];

beforeAll(async () => {
	await storeCatalog(db, SHOP, catalog);
	await storeTemplates(db, SHOP, [
		{ id: "default", isDefault: true },
		// Same priority as "summer": the smaller id ("expensive" < "summer") goes first.
		{ id: "summer", priority: 1, rules: [rule("tag", "equals", "summer")] },
		{ id: "expensive", priority: 1, rules: [rule("variant_price", "greater_than", "50")] },
		{ id: "kitchen", priority: 2, isActive: false, rules: [rule("tag", "equals", "kitchen")] },
		{ id: "tees", priority: 0, isActive: false, rules: [rule("product_type", "equals", "t-shirts")] },
	]);
	// Another shop: same template ids, rules that would claim everything of ours.
	await storeCatalog(db, OTHER, [makeProduct({ id: "9", tags: ["summer"] })]);
	await storeTemplates(db, OTHER, [
		{ id: "default", isDefault: true },
		{ id: "summer", priority: 0, match: "any", rules: [rule("title", "contains", "a"), rule("title", "contains", "e")] },
	]);
});

async function claimed(templateId: string): Promise<string[]> {
	const templates = await loadTemplatesWithRules(db, SHOP);
	const claim = claimCondition(templateId, templates);
	if (!claim.ok) throw new Error(claim.reason);
	return sqlIds(db, SHOP, claim.where);
}

describe("template assignment", () => {
	it("loads the shop's templates with their rules in priority order, default last", async () => {
		const templates = await loadTemplatesWithRules(db, SHOP);
		expect(templates.map((t) => [t.id, t.isActive, t.ruleSet.rules.length])).toEqual([
			["tees", false, 1],
			["expensive", true, 1],
			["summer", true, 1],
			["kitchen", false, 1],
			["default", true, 0],
		]);
		expect(templates.find((t) => t.id === "summer")?.ruleSet).toEqual({
			match: "all",
			rules: [{ column: "tag", relation: "equals", condition: "summer" }],
		});
	});

	it("gives each product to the first matching active template, else the first matching inactive one, else the default", async () => {
		const templates = await loadTemplatesWithRules(db, SHOP);
		const assigned = Object.fromEntries(catalog.map((p) => [p.title, effectiveTemplate(p, templates)?.id]));
		expect(assigned).toEqual({ "Summer Tee": "summer", Mug: "kitchen", "Summer Dress": "expensive", Hat: "default" });
		expect(await claimed("expensive")).toEqual(["3"]);
		expect(await claimed("summer")).toEqual(["1"]);
		expect(await claimed("default")).toEqual(["4"]);
	});

	it("lets inactive templates keep what no active one selects, and pre-fill a manual sync", async () => {
		const templates = await loadTemplatesWithRules(db, SHOP);
		// "tees" comes first by priority, but the tee is active "summer"'s: an active template goes first.
		expect(await claimed("kitchen")).toEqual(["2"]);
		expect(await claimed("tees")).toEqual([]);
		expect(effectiveTemplate(mug, templates)?.isActive).toBe(false);
		expect(effectiveTemplate(mug, templates, { includeInactive: true })?.id).toBe("kitchen");
		expect(effectiveTemplate(tee, templates, { includeInactive: true })?.id).toBe("tees");
		expect(effectiveTemplate(hat, templates, { includeInactive: true })?.id).toBe("default");
	});

	it("treats stored rules that no longer validate as matching nothing, and says why", async () => {
		await db
			.insert(templateRules)
			.values({ shopId: SHOP, templateId: "kitchen", position: 1, column: "vendor", relation: "greater_than", condition: "5" });
		const kitchen = (await loadTemplatesWithRules(db, SHOP)).find((t) => t.id === "kitchen");
		expect(kitchen?.ruleSet.rules).toEqual([]);
		expect(kitchen?.ruleIssues).toEqual([{ path: "rules.1", message: expect.stringContaining('"vendor" cannot use "greater_than"') }]);
		expect(effectiveTemplate(mug, [kitchen!], { includeInactive: true })).toBeNull();
	});

	it("never mixes shops", async () => {
		const other = await loadTemplatesWithRules(db, OTHER);
		expect(other.map((t) => t.id)).toEqual(["summer", "default"]);
		const claim = claimCondition("summer", other);
		if (!claim.ok) throw new Error(claim.reason);
		expect(await sqlIds(db, OTHER, claim.where)).toEqual(["9"]);
		expect(await claimed("unknown").catch((e: Error) => e.message)).toBe("unknown_template");
	});
});
