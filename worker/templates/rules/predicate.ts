/**
 * The in-memory twin of sql.ts: evaluates a rule set against a CatalogProduct
 * (the domain object, e.g. one that just arrived by webhook), reading the
 * product's own fields rather than the derived row. It selects exactly what
 * the SQL selects (test/rules-equivalence.property.test.ts is the proof): both
 * share the vocabulary, the condition normal forms (condition.ts) and the
 * value normal forms of catalog/rows.ts (`searchText`, `decimalValue`, ...).
 *
 * Semantics (see vocabulary.ts): text case-insensitive; list columns match
 * element by element; variant columns match when any variant matches; a
 * negative relation is NOT of its positive counterpart; no rules, no match.
 */
import { canonicalNumber, type CatalogProduct, type CatalogVariant, decimalValue, finiteValue, searchText } from "../../catalog";
import { numberCondition, statusCondition, textCondition } from "./condition";
import { RULE_COLUMNS, positiveOf, type ColumnsOfKind, type PositiveRelation, type Rule, type RuleSet } from "./schema";

const TEXT: Record<ColumnsOfKind<"text">, (p: CatalogProduct) => string | null> = {
	title: (p) => p.title,
	product_type: (p) => p.productType,
	vendor: (p) => p.vendor,
};

const LIST: Record<ColumnsOfKind<"list" | "collection">, (p: CatalogProduct) => (string | null)[]> = {
	tag: (p) => p.tags,
	variant_title: (p) => p.variants.map((v) => v.title),
	variant_sku: (p) => p.variants.map((v) => v.sku),
	collection: (p) => p.collectionIds,
};

const NUMBER: Record<ColumnsOfKind<"number">, (v: CatalogVariant) => number | null> = {
	variant_price: (v) => decimalValue(v.price),
	variant_compare_at_price: (v) => decimalValue(v.compareAtPrice),
	variant_weight: (v) => finiteValue(v.weightGrams),
	variant_inventory: (v) => finiteValue(v.inventoryQuantity),
};

function unexpected(rule: Rule, relation: PositiveRelation): never {
	throw new Error(`"${rule.column}" cannot use "${relation}"; validate with ruleSetSchema first`);
}

/** One text value against a text relation (for lists: one element). */
function textMatches(value: string, relation: PositiveRelation, c: string, rule: Rule): boolean {
	switch (relation) {
		case "equals":
			return value === c;
		case "contains":
			return value.includes(c);
		case "starts_with":
			return value.startsWith(c);
		case "ends_with":
			return value.endsWith(c);
		default:
			return unexpected(rule, relation);
	}
}

function listMatches(values: (string | null)[], relation: PositiveRelation, rule: Rule): boolean {
	const kept = values.map(searchText).filter((v) => v !== "");
	if (relation === "is_set") return kept.length > 0;
	const c = textCondition(rule);
	return kept.some((value) => textMatches(value, relation, c, rule));
}

function numberMatches(values: number[], relation: PositiveRelation, rule: Rule): boolean {
	if (relation === "is_set") return values.length > 0;
	const n = numberCondition(rule);
	switch (relation) {
		case "equals":
			return values.some((v) => canonicalNumber(v) === n.canonical);
		case "greater_than":
			return values.some((v) => v > n.value);
		case "less_than":
			return values.some((v) => v < n.value);
		default:
			return unexpected(rule, relation);
	}
}

function categoryMatches(categoryId: string | null, relation: PositiveRelation, rule: Rule): boolean {
	const value = searchText(categoryId);
	if (relation === "is_set") return value !== "";
	const c = textCondition(rule);
	if (relation === "equals") return value === c;
	if (relation === "in_category") return `${value}-`.startsWith(`${c}-`);
	return unexpected(rule, relation);
}

function positiveMatches(p: CatalogProduct, rule: Rule, relation: PositiveRelation): boolean {
	const column = rule.column;
	switch (RULE_COLUMNS[column].kind) {
		case "text": {
			const value = searchText(TEXT[column as ColumnsOfKind<"text">](p));
			return relation === "is_set" ? value !== "" : textMatches(value, relation, textCondition(rule), rule);
		}
		case "list":
		case "collection":
			return listMatches(LIST[column as ColumnsOfKind<"list" | "collection">](p), relation, rule);
		case "number": {
			const read = NUMBER[column as ColumnsOfKind<"number">];
			return numberMatches(
				p.variants.map(read).filter((v): v is number => v !== null),
				relation,
				rule,
			);
		}
		case "category":
			return categoryMatches(p.categoryId, relation, rule);
		case "status":
			return relation === "equals" ? p.status.toLowerCase() === statusCondition(rule) : unexpected(rule, relation);
	}
}

export function matchesRule(product: CatalogProduct, rule: Rule): boolean {
	const { relation, negated } = positiveOf(rule.relation);
	return positiveMatches(product, rule, relation) !== negated;
}

export function matchesRuleSet(product: CatalogProduct, ruleSet: RuleSet): boolean {
	if (ruleSet.rules.length === 0) return false;
	return ruleSet.match === "all"
		? ruleSet.rules.every((rule) => matchesRule(product, rule))
		: ruleSet.rules.some((rule) => matchesRule(product, rule));
}
