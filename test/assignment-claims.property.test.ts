/**
 * claimCondition (SQL) and effectiveTemplate (in memory) make the same
 * decision: for random catalogues and random template sets (priority ties,
 * inactive templates, with or without a default), the products each template's
 * claim selects in D1 are exactly those whose effective template it is, also
 * when a tiny parameter budget forces most values into inline literals. And
 * the assignment itself, from the rules alone: the default takes exactly the
 * products no other template selects, active or not, and an inactive template
 * keeps only products no active template selects.
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { claimCondition } from "../worker/templates/assignment/claim";
import { effectiveTemplate } from "../worker/templates/assignment/effective";
import { matchesRuleSet } from "../worker/templates/rules/predicate";
import type { TemplateWithRules } from "../worker/templates/assignment/types";
import { paramBudget } from "../worker/templates/rules/budget";
import type { CatalogProduct } from "../worker/catalog/types";
import { catalogArb, ruleSetArb } from "./support/rule-arbitraries";
import { sqlIds, storeCatalog } from "./support/rule-selection";
import { templateWithRules } from "./support/template-rows";

const db = createDb(env.DB);

const templatesArb = (catalog: CatalogProduct[]) =>
	fc
		.record({
			others: fc.array(
				fc.record({
					priority: fc.integer({ min: 0, max: 3 }),
					isActive: fc.constantFrom(true, true, true, false),
					ruleSet: ruleSetArb(catalog, 3),
				}),
				{ maxLength: 6 },
			),
			withDefault: fc.boolean(),
			ids: fc.shuffledSubarray(["t1", "t2", "t3", "t4", "t5", "t6", "t7"], { minLength: 7, maxLength: 7 }),
		})
		.map(({ others, withDefault, ids }): TemplateWithRules[] => [
			...others.map((t, i) =>
				templateWithRules({ id: ids[i], priority: t.priority, isActive: t.isActive, match: t.ruleSet.match, rules: t.ruleSet.rules }),
			),
			...(withDefault ? [templateWithRules({ id: ids[6], isDefault: true })] : []),
		]);

describe("template claims", () => {
	it("select in SQL exactly the products effectiveTemplate assigns", { timeout: 300_000 }, async () => {
		let run = 0;
		const seen = { claims: 0, nonEmpty: 0 };
		const cases = catalogArb(25).chain((catalog) => fc.tuple(fc.constant(catalog), templatesArb(catalog)));
		await fc.assert(
			fc.asyncProperty(cases, async ([catalog, templates]) => {
				const shopId = `claims-${run++}.myshopify.com`;
				await storeCatalog(db, shopId, catalog);
				const others = templates.filter((t) => !t.isDefault);
				const selectedBy = (p: CatalogProduct, among: TemplateWithRules[]) => among.some((t) => matchesRuleSet(p, t.ruleSet));
				for (const p of catalog) {
					const owner = effectiveTemplate(p, templates);
					if (!selectedBy(p, others)) expect(owner?.isDefault ?? true).toBe(true);
					else expect(owner?.isDefault).toBe(false);
					if (owner && !owner.isActive && !owner.isDefault)
						expect(
							selectedBy(
								p,
								others.filter((t) => t.isActive),
							),
						).toBe(false);
				}
				for (const template of templates) {
					const expected = catalog
						.filter((p) => effectiveTemplate(p, templates)?.id === template.id)
						.map((p) => p.id)
						.sort();
					seen.claims++;
					if (expected.length > 0) seen.nonEmpty++;
					for (const bind of [paramBudget(), paramBudget(2)]) {
						const claim = claimCondition(template.id, templates, bind);
						if (!claim.ok) throw new Error(`claim refused: ${JSON.stringify(claim)}`);
						expect(await sqlIds(db, shopId, claim.where), `${template.id} of ${JSON.stringify(templates)}`).toEqual(expected);
					}
				}
			}),
			{ numRuns: 60 },
		);
		// Guard against a generator that stops producing templates that claim anything.
		expect(seen.claims).toBeGreaterThan(100);
		expect(seen.nonEmpty / seen.claims).toBeGreaterThan(0.3);
	});
});
