/**
 * fast-check arbitraries for the rule evaluators: small random catalogues whose
 * values collide on purpose (a small alphabet of awkward strings: case, accents,
 * LIKE wildcards, quotes, backslashes, whitespace, control characters), and
 * random rule sets over every column and relation whose conditions are drawn
 * from the catalogue's own values, so that rules do match.
 */
import fc from "fast-check";
import type { CatalogProduct, CatalogVariant } from "../../worker/catalog/types";
import {
	PRODUCT_STATUSES,
	RULE_COLUMN_NAMES,
	RULE_COLUMNS,
	parseRuleSet,
	type Rule,
	type RuleColumn,
	type RuleRelation,
	type RuleSet,
} from "../../worker/templates/rules/schema";

const WORDS = [
	"red",
	"Red",
	"café",
	"CAFÉ",
	"Été",
	"a%b",
	"x_y",
	"back\\slash",
	"it's",
	'"q"',
	"shirt",
	"T-Shirt",
	"İstanbul",
	"ß",
	"😀",
	" pad ",
	"summer sale",
	"a",
	"",
	"  ",
	"tab\there",
	"x\u001fy",
];
const PRICES = ["0", "5", "7.50", "9.9", "9.90", "10", "19.99", "120", "", "abc"];
const WEIGHTS = [0, 0.1, 100, 250, 453.59237, 1000];
const SKUS = ["SKU-1", "TEST%1", "a_b", "x\\y", "it's", "TEST", "test-2", "Ü-1", ""];
const CATEGORIES = ["aa", "aa-1", "aa-1-2", "aa-12", "el-2", "AA-1-3"];
const COLLECTIONS = ["1", "2", "22", "333"];

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

const word = fc.constantFrom(...WORDS);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const variantArb = fc.record({
	title: maybe(word),
	sku: maybe(fc.constantFrom(...SKUS)),
	price: fc.constantFrom(...PRICES),
	compareAtPrice: maybe(fc.constantFrom(...PRICES)),
	weightGrams: maybe(fc.constantFrom(...WEIGHTS)),
	inventoryQuantity: fc.constantFrom(-2, 0, 3, 5, 12),
});

const productArb = fc.record({
	title: fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(" ")),
	vendor: maybe(word),
	productType: maybe(word),
	status: fc.constantFrom("active", "draft", "archived", "unlisted", "ACTIVE", "Draft"),
	tags: fc.array(word, { maxLength: 4 }),
	categoryId: maybe(fc.constantFrom(...CATEGORIES)),
	collectionIds: fc.subarray(COLLECTIONS),
	variants: fc.array(variantArb, { maxLength: 3 }),
});

function toCatalogProduct(p: Of<typeof productArb>, i: number): CatalogProduct {
	const id = String(i).padStart(3, "0");
	const variants = p.variants.map(
		(v, j): CatalogVariant => ({
			...v,
			id: `${id}${j}`,
			gid: `gid://shopify/ProductVariant/${id}${j}`,
			barcode: null,
			inventoryItemId: null,
			weightValue: v.weightGrams,
			weightUnit: v.weightGrams === null ? null : "g",
			option1: v.title,
			option2: null,
			option3: null,
			position: j + 1,
			imageSrc: null,
		}),
	);
	return {
		...p,
		id,
		gid: `gid://shopify/Product/${id}`,
		bodyHtml: null,
		handle: null,
		categoryName: null,
		categoryFullName: null,
		options: [],
		images: [],
		shopifyUpdatedAt: 1,
		variants,
	};
}

export const catalogArb = (maxProducts = 30) =>
	fc.array(productArb, { maxLength: maxProducts }).map((list) => list.map((p, i) => toCatalogProduct(p, i)));

/** Values the catalogue holds for a column, as raw strings a merchant could type. */
function valuesOf(catalog: CatalogProduct[], column: Rule["column"]): string[] {
	const variants = catalog.flatMap((p) => p.variants);
	const text = (values: (string | number | null)[]) => values.filter((v) => v !== null).map(String);
	switch (column) {
		case "title":
			return text(catalog.map((p) => p.title));
		case "product_type":
			return text(catalog.map((p) => p.productType));
		case "vendor":
			return text(catalog.map((p) => p.vendor));
		case "tag":
			return catalog.flatMap((p) => p.tags);
		case "variant_title":
			return text(variants.map((v) => v.title));
		case "variant_sku":
			return text(variants.map((v) => v.sku));
		case "variant_price":
			return [...text(variants.map((v) => v.price)), "9.900", "-1"];
		case "variant_compare_at_price":
			return [...text(variants.map((v) => v.compareAtPrice)), "8"];
		case "variant_weight":
			return [...text(variants.map((v) => v.weightGrams)), "0"];
		case "variant_inventory":
			return [...text(variants.map((v) => v.inventoryQuantity)), "4.5"];
		case "category":
			return [...text(catalog.map((p) => p.categoryId)), "aa", "aa-1", "el"];
		case "collection":
			return [...COLLECTIONS, "4"];
		case "status":
			return [...PRODUCT_STATUSES, "ACTIVE"];
	}
}

const FALLBACK: Record<string, string> = { text: "a", number: "10", category: "aa-1", collection: "22", status: "active" };

const ruleSeed = fc.record({
	column: fc.nat(),
	relation: fc.nat(),
	pick: fc.nat(),
	start: fc.nat(),
	length: fc.integer({ min: 1, max: 12 }),
	casing: fc.constantFrom("as-is", "upper", "lower"),
});

function ruleFor(catalog: CatalogProduct[], column: RuleColumn, relation: RuleRelation, seed: Of<typeof ruleSeed>): Rule {
	const spec = RULE_COLUMNS[column];
	if (relation === "is_set" || relation === "is_not_set") return { column, relation, condition: "" };
	const pool = valuesOf(catalog, column);
	let condition = pool.length ? pool[seed.pick % pool.length] : FALLBACK[spec.value];
	if (spec.value === "text" && relation !== "equals" && relation !== "not_equals") {
		const chars = [...condition];
		condition = chars
			.slice(seed.start % Math.max(chars.length, 1))
			.slice(0, seed.length)
			.join("");
	}
	if (seed.casing === "upper") condition = condition.toUpperCase();
	if (seed.casing === "lower") condition = condition.toLowerCase();
	const parsed = parseRuleSet({ match: "all", rules: [{ column, relation, condition }] });
	return parsed.ok ? parsed.ruleSet.rules[0] : { column, relation, condition: FALLBACK[spec.value] };
}

function ruleFrom(catalog: CatalogProduct[], seed: Of<typeof ruleSeed>): Rule {
	const column = RULE_COLUMN_NAMES[seed.column % RULE_COLUMN_NAMES.length];
	const relations: readonly RuleRelation[] = RULE_COLUMNS[column].relations;
	return ruleFor(catalog, column, relations[seed.relation % relations.length], seed);
}

const PAIRS = RULE_COLUMN_NAMES.flatMap((column) =>
	(RULE_COLUMNS[column].relations as readonly RuleRelation[]).map((relation) => ({ column, relation })),
);

/** One rule for every allowed column/relation pair, each with a condition from the catalogue. */
export const everyPairArb = (catalog: CatalogProduct[]): fc.Arbitrary<Rule[]> =>
	fc
		.array(ruleSeed, { minLength: PAIRS.length, maxLength: PAIRS.length })
		.map((seeds) => PAIRS.map(({ column, relation }, i) => ruleFor(catalog, column, relation, seeds[i])));

export const ruleSetArb = (catalog: CatalogProduct[], maxRules = 5): fc.Arbitrary<RuleSet> =>
	fc.record({
		match: fc.constantFrom("all" as const, "any" as const),
		rules: fc.array(ruleSeed, { minLength: 1, maxLength: maxRules }).map((seeds) => seeds.map((seed) => ruleFrom(catalog, seed))),
	});
