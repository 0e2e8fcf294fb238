/**
 * The one zod schema for a template's rule set `{ match, rules }`. Every
 * column/relation pair and condition is checked against RULE_COLUMNS
 * (vocabulary.ts), and every refusal names the rule and says why, e.g.
 * `rules.2: "vendor" cannot use "greater_than"; use equals, not equals, ...`.
 * The output keeps the merchant's condition (trimmed); the evaluators
 * normalise it (lower-case text, canonical numbers) when they compile.
 *
 * Semantics are documented with the vocabulary (vocabulary.ts, re-exported
 * here) and in RELATION_INFO's help texts; in short: variant columns match when
 * ANY variant matches, tags match whole tags (contains/starts with/ends with
 * look inside one tag), and a negative relation is NOT its positive one over the
 * whole product ("SKU not contains TEST" = no variant's SKU contains TEST).
 * Pure: the UI imports it.
 */
import { z } from "zod";
import {
	PRESENCE_RELATIONS,
	PRODUCT_STATUSES,
	RELATION_INFO,
	RULE_COLUMN_NAMES,
	RULE_COLUMNS,
	isRuleColumn,
	isRuleRelation,
} from "./vocabulary";
import type { ColumnSpec, RuleColumn, RuleRelation, ValueType } from "./vocabulary";

export * from "./vocabulary";

export const RULES_MAX = 20;
export const CONDITION_MAX = 255;

export type Rule = { column: RuleColumn; relation: RuleRelation; condition: string };
export type RuleSet = { match: "all" | "any"; rules: Rule[] };
export type RuleIssue = { path: string; message: string };

// Control characters (U+001F is the search-list separator) and lone surrogates are never valid text.
const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Plain decimals only: no exponent, hex, Infinity; small enough to stay exact. */
const DECIMAL = /^[+-]?(?:\d{1,15}(?:\.\d{0,10})?|\.\d{1,10})$/;
const CATEGORY_ID = /^[a-z]{2}(?:-\d+)*$/i;
const COLLECTION_ID = /^(?:gid:\/\/shopify\/Collection\/)?(\d{1,20})$/;

const quoted = (value: string) => JSON.stringify(value);
const relationList = (relations: readonly RuleRelation[]) => relations.map((r) => RELATION_INFO[r].label).join(", ");

const VALUE_PROBLEM: Record<ValueType, (condition: string) => string | null> = {
	text: () => null,
	number: (c) => (DECIMAL.test(c) ? null : `needs a number such as 19.99, not ${quoted(c)}`),
	category: (c) => (CATEGORY_ID.test(c) ? null : `needs a Shopify category id such as aa-2-14, not ${quoted(c)}`),
	collection: (c) => (COLLECTION_ID.test(c) ? null : `needs a collection id (digits), not ${quoted(c)}`),
	status: (c) =>
		(PRODUCT_STATUSES as readonly string[]).includes(c.toLowerCase())
			? null
			: `must be one of ${PRODUCT_STATUSES.join(", ")}, not ${quoted(c)}`,
};

/** Why a rule is refused, or null when it is valid. `condition` is already trimmed. */
export function ruleProblem(column: string, relation: string, condition: string): string | null {
	if (!isRuleColumn(column)) return `unknown column ${quoted(column)}; use ${RULE_COLUMN_NAMES.join(", ")}`;
	const spec: ColumnSpec = RULE_COLUMNS[column];
	if (!isRuleRelation(relation) || !spec.relations.includes(relation)) {
		return `${quoted(column)} cannot use ${quoted(relation)}; use ${relationList(spec.relations)}`;
	}
	if (PRESENCE_RELATIONS.includes(relation)) {
		return condition === "" ? null : `${quoted(column)} ${quoted(relation)} takes no condition`;
	}
	if (condition === "") return `${quoted(column)} ${quoted(relation)} needs a condition`;
	if (condition.length > CONDITION_MAX) return `${quoted(column)}: the condition is longer than ${CONDITION_MAX} characters`;
	if (CONTROL.test(condition)) return `${quoted(column)}: the condition must not contain control characters (such as U+001F)`;
	if (LONE_SURROGATE.test(condition)) return `${quoted(column)}: the condition is not valid text`;
	const problem = VALUE_PROBLEM[spec.value](condition);
	return problem && `${quoted(column)} ${problem}`;
}

/** Stored form of a valid condition: trimmed; collection gids become their numeric id. */
function canonicalCondition(column: RuleColumn, condition: string): string {
	if (RULE_COLUMNS[column].value === "collection") return COLLECTION_ID.exec(condition)?.[1] ?? condition;
	return condition;
}

const RawRule = z.object({
	column: z.string(),
	relation: z.string(),
	condition: z
		.union([z.string(), z.number()])
		.nullish()
		.transform((c) => (c == null ? "" : String(c).trim())),
});

export const ruleSchema = RawRule.superRefine((rule, ctx) => {
	const problem = ruleProblem(rule.column, rule.relation, rule.condition);
	if (problem) ctx.addIssue({ code: "custom", message: problem });
}).transform((rule): Rule => {
	const column = rule.column as RuleColumn;
	return { column, relation: rule.relation as RuleRelation, condition: canonicalCondition(column, rule.condition) };
});

export const ruleSetSchema = z.object({
	match: z.enum(["all", "any"], { error: 'match must be "all" or "any"' }),
	rules: z
		.array(ruleSchema)
		.min(1, { error: "add at least one rule" })
		.max(RULES_MAX, { error: `at most ${RULES_MAX} rules per template` }),
});

export type ParsedRuleSet = { ok: true; ruleSet: RuleSet } | { ok: false; issues: RuleIssue[]; message: string };

/** Validates a rule set; each issue reads `rules.2: "vendor" cannot use ...`. */
export function parseRuleSet(input: unknown): ParsedRuleSet {
	const result = ruleSetSchema.safeParse(input);
	if (result.success) return { ok: true, ruleSet: result.data };
	const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
	return { ok: false, issues, message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ") };
}
