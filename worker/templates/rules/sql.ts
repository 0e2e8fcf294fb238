/**
 * Compiles a rule set to a drizzle `SQL` condition over `products`, using only
 * the derived search columns (catalog/rows.ts), so a preview or a claim is one
 * scan of `products`: no join, no subquery, no LIKE (no escaping, no 50-byte
 * pattern limit) and no lower() (conditions are lower-cased here, columns at write).
 *
 * Invariants (the property test checks them against predicate.ts):
 * - Every rule compiles to an expression that is 0 or 1, never NULL (nullable
 *   min/max columns are wrapped in coalesce), so NOT, AND and OR compose exactly;
 *   a negative relation is literally NOT of its positive counterpart.
 * - Every rule costs at most one bound parameter (budget.ts). Lengths for
 *   substr() are integers computed here and written as SQL numbers.
 * - A rule set without rules matches nothing.
 * @see https://www.sqlite.org/lang_corefunc.html#instr
 */
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { products } from "../../db/schema";
import { paramBudget, type Binder } from "./budget";
import { numberCondition, SEP, statusCondition, textCondition } from "./condition";
import { RULE_COLUMNS, positiveOf, type ColumnsOfKind, type PositiveRelation, type Rule, type RuleColumn, type RuleSet } from "./schema";

const TEXT: Record<ColumnsOfKind<"text">, SQLiteColumn> = {
	title: products.searchTitle,
	product_type: products.searchType,
	vendor: products.searchVendor,
};

const LIST: Record<ColumnsOfKind<"list" | "collection">, SQLiteColumn> = {
	tag: products.searchTags,
	variant_title: products.searchVariantTitles,
	variant_sku: products.searchVariantSkus,
	collection: products.searchCollections,
};

type NumberStorage = { list: SQLiteColumn; min: SQLiteColumn; max: SQLiteColumn };
const NUMBER: Record<ColumnsOfKind<"number">, NumberStorage> = {
	variant_price: { list: products.searchPrices, min: products.priceMin, max: products.priceMax },
	variant_compare_at_price: { list: products.searchCompareAtPrices, min: products.compareAtMin, max: products.compareAtMax },
	variant_weight: { list: products.searchWeights, min: products.weightMinG, max: products.weightMaxG },
	variant_inventory: { list: products.searchInventories, min: products.inventoryMin, max: products.inventoryMax },
};

/** SQLite's substr() and length() count code points, not UTF-16 units. */
const codePoints = (s: string) => sql.raw(String([...s].length));

function unexpected(rule: Rule, relation: PositiveRelation): never {
	throw new Error(`"${rule.column}" cannot use "${relation}"; validate with ruleSetSchema first`);
}

/** A single value column (title, type, vendor). */
function scalarText(col: SQLiteColumn, relation: PositiveRelation, rule: Rule, bind: Binder): SQL {
	const c = textCondition(rule);
	switch (relation) {
		case "equals":
			return sql`${col} = ${bind.value(c)}`;
		case "contains":
			return sql`instr(${col}, ${bind.value(c)}) > 0`;
		case "starts_with":
			return sql`substr(${col}, 1, ${codePoints(c)}) = ${bind.value(c)}`;
		case "ends_with":
			return sql`substr(${col}, -${codePoints(c)}) = ${bind.value(c)}`;
		case "is_set":
			return sql`${col} <> ''`;
		default:
			return unexpected(rule, relation);
	}
}

/** A SEP-wrapped list: the condition never contains SEP, so each match stays inside one element. */
function listText(col: SQLiteColumn, relation: PositiveRelation, rule: Rule, bind: Binder): SQL {
	const c = textCondition(rule);
	switch (relation) {
		case "equals":
			return sql`instr(${col}, ${bind.value(SEP + c + SEP)}) > 0`;
		case "contains":
			return sql`instr(${col}, ${bind.value(c)}) > 0`;
		case "starts_with":
			return sql`instr(${col}, ${bind.value(SEP + c)}) > 0`;
		case "ends_with":
			return sql`instr(${col}, ${bind.value(c + SEP)}) > 0`;
		case "is_set":
			return sql`${col} <> ''`;
		default:
			return unexpected(rule, relation);
	}
}

/** Any variant: equals looks the canonical number up in the list; greater/less use max/min. */
function variantNumber(storage: NumberStorage, relation: PositiveRelation, rule: Rule, bind: Binder): SQL {
	if (relation === "is_set") return sql`${storage.max} is not null`;
	const n = numberCondition(rule);
	switch (relation) {
		case "equals":
			return sql`instr(${storage.list}, ${bind.value(SEP + n.canonical + SEP)}) > 0`;
		case "greater_than":
			return sql`coalesce(${storage.max} > ${bind.value(n.value)}, 0)`;
		case "less_than":
			return sql`coalesce(${storage.min} < ${bind.value(n.value)}, 0)`;
		default:
			return unexpected(rule, relation);
	}
}

function category(relation: PositiveRelation, rule: Rule, bind: Binder): SQL {
	const col = products.searchCategory;
	const c = textCondition(rule);
	switch (relation) {
		case "equals":
			return sql`${col} = ${bind.value(c)}`;
		case "in_category":
			// `col || '-'` starts with `c-` exactly when col is c or one of its descendants.
			return sql`substr(${col} || '-', 1, ${codePoints(c + "-")}) = ${bind.value(c + "-")}`;
		case "is_set":
			return sql`${col} <> ''`;
		default:
			return unexpected(rule, relation);
	}
}

function positiveRule(rule: Rule, relation: PositiveRelation, bind: Binder): SQL {
	const column: RuleColumn = rule.column;
	switch (RULE_COLUMNS[column].kind) {
		case "text":
			return scalarText(TEXT[column as ColumnsOfKind<"text">], relation, rule, bind);
		case "list":
		case "collection":
			return listText(LIST[column as ColumnsOfKind<"list" | "collection">], relation, rule, bind);
		case "number":
			return variantNumber(NUMBER[column as ColumnsOfKind<"number">], relation, rule, bind);
		case "category":
			return category(relation, rule, bind);
		case "status":
			return relation === "equals" ? sql`${products.status} = ${bind.value(statusCondition(rule))}` : unexpected(rule, relation);
	}
}

/** One rule as a parenthesised 0/1 expression (safe next to any operator, even `||`). */
export function compileRule(rule: Rule, bind: Binder = paramBudget()): SQL {
	const { relation, negated } = positiveOf(rule.relation);
	const positive = positiveRule(rule, relation, bind);
	return negated ? sql`(not (${positive}))` : sql`(${positive})`;
}

/** The rule set as one parenthesised 0/1 expression. */
export function compileRuleSet(ruleSet: RuleSet, bind: Binder = paramBudget()): SQL {
	if (ruleSet.rules.length === 0) return sql`(0)`;
	const joiner = sql.raw(ruleSet.match === "all" ? " and " : " or ");
	return sql`(${sql.join(
		ruleSet.rules.map((rule) => compileRule(rule, bind)),
		joiner,
	)})`;
}
