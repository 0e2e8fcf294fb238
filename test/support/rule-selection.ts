/**
 * Test helpers for the rule evaluators: store a catalogue in D1 the way the app
 * does (toProductRow / toVariantRows), then select product ids with the SQL
 * compiler or the in-memory predicate.
 */
import { and, asc, sql, type SQL } from "drizzle-orm";
import { toProductRow, toVariantRows } from "../../worker/catalog/rows";
import type { CatalogProduct } from "../../worker/catalog/types";
import type { Db } from "../../worker/db/client";
import { products, variants } from "../../worker/db/schema";
import { liveProducts } from "../../worker/templates/assignment/scope";
import type { Binder } from "../../worker/templates/rules/budget";
import { matchesRule, matchesRuleSet } from "../../worker/templates/rules/predicate";
import type { Rule, RuleSet } from "../../worker/templates/rules/schema";
import { compileRule, compileRuleSet } from "../../worker/templates/rules/sql";

const VARIANT_ROWS_PER_INSERT = 4; // 21 columns each: stays under 100 bound parameters

export async function storeCatalog(db: Db, shopId: string, catalog: readonly CatalogProduct[], now = 1_700_000_000_000): Promise<void> {
	const statements = catalog.flatMap((p) => {
		const variantRows = toVariantRows(shopId, p, now);
		const chunks = [];
		for (let i = 0; i < variantRows.length; i += VARIANT_ROWS_PER_INSERT) chunks.push(variantRows.slice(i, i + VARIANT_ROWS_PER_INSERT));
		return [db.insert(products).values(toProductRow(shopId, p, now)), ...chunks.map((chunk) => db.insert(variants).values(chunk))];
	});
	if (statements.length) await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
}

export async function sqlIds(db: Db, shopId: string, where: SQL): Promise<string[]> {
	const rows = await db
		.select({ id: products.id })
		.from(products)
		.where(and(liveProducts(shopId), where))
		.orderBy(asc(products.id));
	return rows.map((row) => row.id);
}

export function selectWithSql(db: Db, shopId: string, ruleSet: RuleSet, bind?: Binder): Promise<string[]> {
	return sqlIds(db, shopId, compileRuleSet(ruleSet, bind));
}

export function selectInMemory(catalog: readonly CatalogProduct[], ruleSet: RuleSet): string[] {
	return catalog
		.filter((p) => matchesRuleSet(p, ruleSet))
		.map((p) => p.id)
		.sort();
}

/** Per product, one '0'/'1' per rule: every rule evaluated separately in a single SQL scan. */
export async function ruleMatrixWithSql(db: Db, shopId: string, rules: readonly Rule[], bind?: Binder): Promise<[string, string][]> {
	const key = sql.join(
		rules.map((rule) => compileRule(rule, bind)),
		sql.raw(" || "),
	);
	const rows = await db
		.select({ id: products.id, key: sql<string>`${key}` })
		.from(products)
		.where(liveProducts(shopId))
		.orderBy(asc(products.id));
	return rows.map((row) => [row.id, String(row.key)]);
}

export function ruleMatrixInMemory(catalog: readonly CatalogProduct[], rules: readonly Rule[]): [string, string][] {
	return catalog
		.map((p): [string, string] => [p.id, rules.map((rule) => (matchesRule(p, rule) ? "1" : "0")).join("")])
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
