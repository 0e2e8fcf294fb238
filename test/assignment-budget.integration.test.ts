/**
 * D1's limits with many templates: a claim composed of 30 templates' rules
 * (150 condition values) still binds at most 90 parameters and runs, selecting
 * what effectiveTemplate decides; a statement past D1's length limit is refused
 * as a value instead of failing in D1.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { claimCondition } from "../worker/templates/assignment/claim";
import { effectiveTemplate } from "../worker/templates/assignment/effective";
import { loadTemplatesWithRules } from "../worker/templates/assignment/load";
import { overlaps } from "../worker/templates/assignment/overlaps";
import { statementSize } from "../worker/templates/rules/budget";
import { matchesRuleSet } from "../worker/templates/rules/predicate";
import { makeProduct } from "./support/catalog";
import { sqlIds, storeCatalog } from "./support/rule-selection";
import { rule, storeTemplates, templateWithRules, type TemplateSeed } from "./support/template-rows";

const SHOP = "budget.myshopify.com";
const db = createDb(env.DB);
// Items 0-4 also carry the next template's tag, so neighbouring templates overlap.
const catalog = Array.from({ length: 40 }, (_, i) =>
	makeProduct({ id: String(100 + i), title: `Item ${i}`, tags: [`t${i % 35}`, `it's ${i % 3}`, ...(i < 5 ? [`t${i + 1}`] : [])] }),
);
// Template i claims tag t<i>, unless one of its other four rules' unlikely conditions rule it out.
const seeds: TemplateSeed[] = Array.from({ length: 30 }, (_, i) => ({
	id: `tpl-${String(i).padStart(2, "0")}`,
	priority: i,
	rules: [
		rule("tag", "equals", `t${i}`),
		rule("vendor", "not_equals", `nobody's ${i}`),
		rule("title", "not_contains", `%_${i}`),
		rule("variant_price", "less_than", String(1000 + i)),
		rule("variant_sku", "not_equals", `x\\${i}`),
	],
}));

beforeAll(async () => {
	await storeCatalog(db, SHOP, catalog);
	await storeTemplates(db, SHOP, [...seeds, { id: "default", isDefault: true }]);
});

describe("parameter budget with many templates", () => {
	it("composes 30 templates into one claim that binds at most 90 parameters", async () => {
		const templates = await loadTemplatesWithRules(db, SHOP);
		for (const id of ["default", "tpl-29", "tpl-00"]) {
			const claim = claimCondition(id, templates);
			if (!claim.ok) throw new Error(claim.reason);
			expect(statementSize(claim.where).params).toBeLessThanOrEqual(90);
			const expected = catalog.filter((p) => effectiveTemplate(p, templates)?.id === id).map((p) => p.id);
			expect(await sqlIds(db, SHOP, claim.where)).toEqual(expected);
		}
		const defaultClaim = claimCondition("default", templates);
		expect(defaultClaim.ok && statementSize(defaultClaim.where).params).toBe(90);
	});

	it("reports overlaps across all of them in one scan", async () => {
		const templates = await loadTemplatesWithRules(db, SHOP);
		const active = templates.filter((t) => !t.isDefault);
		const expected = active.flatMap((winner, i) =>
			active.slice(i + 1).flatMap((loser) => {
				const common = catalog.filter((p) => matchesRuleSet(p, winner.ruleSet) && matchesRuleSet(p, loser.ruleSet)).length;
				return common ? [{ winnerId: winner.id, loserId: loser.id, common }] : [];
			}),
		);
		expect(expected).toHaveLength(5);
		const report = await overlaps(db, SHOP);
		expect(report.ok && report.overlaps.map(({ sample: _, ...pair }) => pair)).toEqual(expected);
	});

	it("refuses, as a value, a composition longer than a D1 statement", () => {
		const long = "é'".repeat(127);
		const huge = Array.from({ length: 16 }, (_, i) =>
			templateWithRules({ id: `h${i}`, priority: i, rules: Array.from({ length: 20 }, () => rule("title", "contains", long)) }),
		);
		expect(claimCondition("h2", huge).ok).toBe(true);
		const claim = claimCondition("h15", huge);
		expect(claim).toEqual({ ok: false, reason: "statement_too_long", bytes: expect.any(Number), params: 90 });
		expect(!claim.ok && claim.reason === "statement_too_long" && claim.bytes).toBeGreaterThan(96_000);
	});
});
