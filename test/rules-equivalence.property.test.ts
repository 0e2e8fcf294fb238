/**
 * The proof that the two evaluators agree. For random catalogues stored in D1
 * through toProductRow/toVariantRows:
 * - one rule for EVERY allowed column/relation pair, its condition drawn from
 *   the catalogue, is evaluated per product in one SQL scan and in memory, and
 *   the two 0/1 matrices must be equal;
 * - random rule sets (all/any, up to five rules) select exactly the same products.
 * Both with bound parameters and with inline literals (the spill path of the
 * parameter budget). Each run uses a fresh shop id instead of deleting.
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { paramBudget } from "../worker/templates/rules/budget";
import { catalogArb, everyPairArb, ruleSetArb } from "./support/rule-arbitraries";
import { ruleMatrixInMemory, ruleMatrixWithSql, selectInMemory, selectWithSql, storeCatalog } from "./support/rule-selection";

const db = createDb(env.DB);
const RULE_SETS_PER_CATALOGUE = 5;

describe("SQL and in-memory rule evaluation", () => {
	it("agree on every rule and select exactly the same products", { timeout: 300_000 }, async () => {
		let run = 0;
		const seen = { cases: 0, partial: 0, ruleHits: 0, ruleCells: 0 };
		const cases = catalogArb(30).chain((catalog) =>
			fc.tuple(
				fc.constant(catalog),
				everyPairArb(catalog),
				fc.array(ruleSetArb(catalog), { minLength: RULE_SETS_PER_CATALOGUE, maxLength: RULE_SETS_PER_CATALOGUE }),
			),
		);
		await fc.assert(
			fc.asyncProperty(cases, async ([catalog, everyPair, ruleSets]) => {
				const shopId = `equivalence-${run++}.myshopify.com`;
				await storeCatalog(db, shopId, catalog);

				const matrix = ruleMatrixInMemory(catalog, everyPair);
				const rules = JSON.stringify(everyPair);
				expect(await ruleMatrixWithSql(db, shopId, everyPair), rules).toEqual(matrix);
				expect(await ruleMatrixWithSql(db, shopId, everyPair, paramBudget(0)), `${rules} (inline literals)`).toEqual(matrix);
				for (const [, key] of matrix) {
					seen.ruleCells += key.length;
					seen.ruleHits += key.replaceAll("0", "").length;
				}

				for (const ruleSet of ruleSets) {
					const expected = selectInMemory(catalog, ruleSet);
					const context = JSON.stringify(ruleSet);
					expect(await selectWithSql(db, shopId, ruleSet), context).toEqual(expected);
					expect(await selectWithSql(db, shopId, ruleSet, paramBudget(0)), `${context} (inline literals)`).toEqual(expected);
					seen.cases++;
					if (expected.length > 0 && expected.length < catalog.length) seen.partial++;
				}
			}),
			{ numRuns: 100 },
		);
		// Guard against generators that drift into trivial cases (nothing or everything matches).
		expect(seen.partial / seen.cases).toBeGreaterThan(0.25);
		expect(seen.ruleHits / seen.ruleCells).toBeGreaterThan(0.2);
		expect(seen.ruleHits / seen.ruleCells).toBeLessThan(0.8);
	});
});
