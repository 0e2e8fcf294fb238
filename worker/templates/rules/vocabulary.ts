/**
 * The rule vocabulary of category templates: which columns exist, which
 * relations each allows and what kind of value it takes. This one table drives
 * validation (schema.ts), both evaluators (sql.ts over D1, predicate.ts in
 * memory) and the UI's rule builder. Pure: the UI imports it.
 *
 * Semantics, identical in both evaluators:
 * - Text is case-insensitive: values and conditions are compared in
 *   `searchText` form (trimmed, lower-cased with toLowerCase).
 * - List columns (tags, variant titles, variant SKUs, collections) match
 *   element by element: `equals` is a whole tag / title / SKU, `contains`,
 *   `starts_with` and `ends_with` look inside one element, never across two.
 *   Tags allow all six text relations for that reason ("some tag starts with
 *   size-"); Shopify's smart collections allow only `equals` on tags.
 * - Variant columns match when ANY variant matches.
 * - A negative relation is the negation of its positive counterpart over the
 *   whole product: `not_equals` = NOT `equals`, `not_contains` = NOT
 *   `contains`, `is_not_set` = NOT `is_set`. So "variant SKU does not contain
 *   TEST" selects products with no variant whose SKU contains TEST, including
 *   products without any SKU; "vendor is not Acme" includes products with no vendor.
 * - Numbers are compared as numbers ("19.90" equals "19.9"); weights in grams.
 * - `in_category` is the category or any descendant: `aa-2` takes `aa-2` and
 *   `aa-2-14`, not `aa-21`.
 * @see https://shopify.dev/docs/api/admin-graphql/latest/enums/CollectionRuleRelation
 */

export const RULE_RELATIONS = [
	"equals",
	"not_equals",
	"contains",
	"not_contains",
	"starts_with",
	"ends_with",
	"greater_than",
	"less_than",
	"is_set",
	"is_not_set",
	"in_category",
] as const;
export type RuleRelation = (typeof RULE_RELATIONS)[number];

/** The relations that are evaluated directly; every other one negates one of these. */
export type PositiveRelation =
	| "equals"
	| "contains"
	| "starts_with"
	| "ends_with"
	| "greater_than"
	| "less_than"
	| "is_set"
	| "in_category";

export const NEGATION_OF: Partial<Record<RuleRelation, PositiveRelation>> = {
	not_equals: "equals",
	not_contains: "contains",
	is_not_set: "is_set",
};

/** Relations that take no condition. */
export const PRESENCE_RELATIONS: readonly RuleRelation[] = ["is_set", "is_not_set"];

export const RELATION_INFO: Record<RuleRelation, { label: string; help: string }> = {
	equals: { label: "equals", help: "Is exactly this value (for variants and tags: at least one of them is)." },
	not_equals: { label: "not equals", help: "No value equals it (for variants and tags: none of them does; products without any match)." },
	contains: { label: "contains", help: "Contains the text (for variants and tags: at least one of them does)." },
	not_contains: {
		label: "not contains",
		help: "No value contains the text (for variants and tags: none of them does; products without any match).",
	},
	starts_with: { label: "starts with", help: "Starts with the text (for variants and tags: at least one of them does)." },
	ends_with: { label: "ends with", help: "Ends with the text (for variants and tags: at least one of them does)." },
	greater_than: { label: "greater than", help: "At least one variant has a value above this number." },
	less_than: { label: "less than", help: "At least one variant has a value below this number." },
	is_set: { label: "is set", help: "Has a value (for variants and tags: at least one)." },
	is_not_set: { label: "is not set", help: "Has no value at all (for variants: no variant has one)." },
	in_category: { label: "in category", help: "Is this category or any category below it." },
};

/** How a column is stored and evaluated; each evaluator has one branch per kind. */
export type ColumnKind = "text" | "list" | "number" | "category" | "collection" | "status";
/** What the UI asks for and the schema checks. */
export type ValueType = "text" | "number" | "category" | "collection" | "status";

export type ColumnSpec = {
	kind: ColumnKind;
	value: ValueType;
	label: string;
	relations: readonly RuleRelation[];
	/** Unit of a number column's condition. */
	unit?: "g";
	help: string;
};

const TEXT = ["equals", "not_equals", "contains", "not_contains", "starts_with", "ends_with"] as const;
const NUMBER = ["equals", "not_equals", "greater_than", "less_than"] as const;
const PRESENCE = ["is_set", "is_not_set"] as const;

export const PRODUCT_STATUSES = ["active", "draft", "archived", "unlisted"] as const;

export const RULE_COLUMNS = {
	title: { kind: "text", value: "text", label: "Product title", relations: TEXT, help: "The product title." },
	product_type: { kind: "text", value: "text", label: "Product type", relations: [...TEXT, ...PRESENCE], help: "Shopify's product type." },
	vendor: { kind: "text", value: "text", label: "Vendor", relations: [...TEXT, ...PRESENCE], help: "The product vendor." },
	tag: {
		kind: "list",
		value: "text",
		label: "Tag",
		relations: [...TEXT, ...PRESENCE],
		help: "Whole tags: contains/starts with/ends with look inside one tag.",
	},
	variant_title: {
		kind: "list",
		value: "text",
		label: "Variant title",
		relations: [...TEXT, ...PRESENCE],
		help: "Matches when any variant matches.",
	},
	variant_sku: {
		kind: "list",
		value: "text",
		label: "Variant SKU",
		relations: [...TEXT, ...PRESENCE],
		help: "Matches when any variant matches.",
	},
	variant_price: { kind: "number", value: "number", label: "Variant price", relations: NUMBER, help: "Matches when any variant matches." },
	variant_compare_at_price: {
		kind: "number",
		value: "number",
		label: "Variant compare-at price",
		relations: [...NUMBER, ...PRESENCE],
		help: "Matches when any variant matches; variants without one are skipped.",
	},
	variant_weight: {
		kind: "number",
		value: "number",
		label: "Variant weight",
		unit: "g",
		relations: [...NUMBER, ...PRESENCE],
		help: "In grams; matches when any variant matches; variants without a weight are skipped.",
	},
	variant_inventory: {
		kind: "number",
		value: "number",
		label: "Variant inventory",
		relations: NUMBER,
		help: "Matches when any variant matches.",
	},
	category: {
		kind: "category",
		value: "category",
		label: "Product category",
		relations: ["equals", "not_equals", "in_category", ...PRESENCE],
		help: "Shopify standard product category id, e.g. aa-2-14.",
	},
	collection: {
		kind: "collection",
		value: "collection",
		label: "Collection",
		relations: ["equals", "not_equals", ...PRESENCE],
		help: "Shopify collection id.",
	},
	status: {
		kind: "status",
		value: "status",
		label: "Status",
		relations: ["equals", "not_equals"],
		help: "active, draft, archived or unlisted.",
	},
} as const satisfies Record<string, ColumnSpec>;

export type RuleColumn = keyof typeof RULE_COLUMNS;
export const RULE_COLUMN_NAMES = Object.keys(RULE_COLUMNS) as RuleColumn[];

export const isRuleColumn = (value: string): value is RuleColumn => Object.hasOwn(RULE_COLUMNS, value);
export const isRuleRelation = (value: string): value is RuleRelation => (RULE_RELATIONS as readonly string[]).includes(value);

/** The positive relation to evaluate and whether to negate its result. */
export function positiveOf(relation: RuleRelation): { relation: PositiveRelation; negated: boolean } {
	const negated = NEGATION_OF[relation];
	return negated ? { relation: negated, negated: true } : { relation: relation as PositiveRelation, negated: false };
}

/** The columns of one kind, so that each evaluator's storage map is checked for completeness. */
export type ColumnsOfKind<K extends ColumnKind> = {
	[C in RuleColumn]: (typeof RULE_COLUMNS)[C]["kind"] extends K ? C : never;
}[RuleColumn];
