import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { CatalogProduct } from "../worker/catalog/types";
import { createDb } from "../worker/db/client";
import { products } from "../worker/db/schema";
import { paramBudget } from "../worker/templates/rules/budget";
import { parseRuleSet, type RuleSet } from "../worker/templates/rules/schema";
import { makeProduct, makeVariant } from "./support/catalog";
import { selectInMemory, selectWithSql, storeCatalog } from "./support/rule-selection";

const SHOP = "relations.myshopify.com";
const OTHER_SHOP = "other-relations.myshopify.com";
const db = createDb(env.DB);

const v = makeVariant;
const catalog: CatalogProduct[] = [
	makeProduct({
		id: "1",
		title: "Café Crème Shirt",
		vendor: "Café Nord",
		productType: "Shirts",
		tags: ["Summer", "size-M", "50%off"],
		categoryId: "aa-1-13-8",
		collectionIds: ["11", "22"],
		status: "active",
		variants: [
			v({ title: "Red / M", sku: "TEST-1", price: "19.90", compareAtPrice: "25.00", weightGrams: 250, inventoryQuantity: 5 }),
			v({ title: "Blue / L", sku: "A_B", price: "29.99", compareAtPrice: null, weightGrams: null, inventoryQuantity: 0 }),
		],
	}),
	makeProduct({
		id: "2",
		title: "Winter Jacket",
		vendor: "Acme",
		productType: "Jackets",
		tags: ["winter", "summer sale"],
		categoryId: "aa-1-10",
		collectionIds: ["22"],
		status: "draft",
		variants: [v({ title: "Default Title", sku: null, price: "120", compareAtPrice: null, weightGrams: 1200, inventoryQuantity: -2 })],
	}),
	makeProduct({
		id: "3",
		title: "100% Wool Hat",
		vendor: null,
		productType: null,
		tags: [],
		categoryId: null,
		collectionIds: [],
		status: "archived",
		variants: [v({ title: "One size", sku: "x\\y", price: "9.9", compareAtPrice: null, weightGrams: null, inventoryQuantity: 12 })],
	}),
	makeProduct({
		id: "4",
		title: 'It\'s a "Quote" Mug',
		vendor: "O'Brien",
		productType: "Mugs",
		tags: ["kitchen"],
		categoryId: "aa-12",
		collectionIds: ["3"],
		status: "unlisted",
		variants: [
			v({ title: "Small", sku: "it's", price: "5", compareAtPrice: null, weightGrams: 453.59237, inventoryQuantity: 3 }),
			v({ title: "Large", sku: "TEST%", price: "7.50", compareAtPrice: "8", weightGrams: null, inventoryQuantity: 3 }),
		],
	}),
	makeProduct({
		id: "5",
		title: "ÉTÉ Dress",
		vendor: "CAFÉ NORD",
		productType: "Dresses",
		tags: ["Été"],
		categoryId: "aa-1",
		collectionIds: [],
		status: "ACTIVE",
		variants: [],
	}),
];
// Match everything the cases look for, but must never be selected: deleted, or another shop's.
const deleted = makeProduct({ ...catalog[0], id: "9" });
const othersShop = catalog.map((p) => ({ ...p }));

function rules(match: "all" | "any", ...list: [string, string, string?][]): RuleSet {
	const parsed = parseRuleSet({ match, rules: list.map(([column, relation, condition]) => ({ column, relation, condition })) });
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.ruleSet;
}

beforeAll(async () => {
	await storeCatalog(db, SHOP, [...catalog, deleted]);
	await storeCatalog(db, OTHER_SHOP, othersShop);
	await db
		.update(products)
		.set({ deletedAt: 1 })
		.where(and(eq(products.shopId, SHOP), eq(products.id, "9")));
});

async function expectSelection(ruleSet: RuleSet, expected: string[]) {
	expect(selectInMemory(catalog, ruleSet), "in memory").toEqual(expected);
	expect(await selectWithSql(db, SHOP, ruleSet), "SQL with bound parameters").toEqual(expected);
	expect(await selectWithSql(db, SHOP, ruleSet, paramBudget(0)), "SQL with inline literals").toEqual(expected);
}

const CASES: [string, string, string | undefined, string[]][] = [
	// Scalar text: case-insensitive (non-ASCII too), special characters taken literally.
	["title", "equals", "café crème SHIRT", ["1"]],
	["title", "equals", "Café", []],
	["title", "not_equals", "winter jacket", ["1", "3", "4", "5"]],
	["title", "contains", "CAFÉ", ["1"]],
	["title", "contains", "%", ["3"]],
	["title", "contains", "_", []],
	["title", "contains", '\'s a "quote"', ["4"]],
	["title", "not_contains", "e", ["3"]],
	["title", "starts_with", "100%", ["3"]],
	["title", "starts_with", "été", ["5"]],
	["title", "ends_with", "SHIRT", ["1"]],
	["title", "ends_with", "a condition much longer than any title in this catalogue", []],
	["product_type", "equals", "shirts", ["1"]],
	["product_type", "is_set", undefined, ["1", "2", "4", "5"]],
	["product_type", "is_not_set", undefined, ["3"]],
	["vendor", "equals", "café nord", ["1", "5"]],
	["vendor", "not_equals", "ACME", ["1", "3", "4", "5"]],
	["vendor", "contains", "'", ["4"]],
	["vendor", "is_not_set", undefined, ["3"]],
	// Tags: whole tags for equals, inside one tag for the others.
	["tag", "equals", "summer", ["1"]],
	["tag", "not_equals", "summer", ["2", "3", "4", "5"]],
	["tag", "equals", "m", []],
	["tag", "ends_with", "m", ["1"]],
	["tag", "contains", "sale", ["2"]],
	["tag", "contains", "%", ["1"]],
	["tag", "starts_with", "summer", ["1", "2"]],
	["tag", "starts_with", "size-", ["1"]],
	["tag", "ends_with", "sale", ["2"]],
	["tag", "not_contains", "summer", ["3", "4", "5"]],
	["tag", "equals", "ÉTÉ", ["5"]],
	["tag", "is_set", undefined, ["1", "2", "4", "5"]],
	["tag", "is_not_set", undefined, ["3"]],
	// Variant text: any variant matches; the negation holds when no variant matches.
	["variant_title", "equals", "red / m", ["1"]],
	["variant_title", "not_contains", "default", ["1", "3", "4", "5"]],
	["variant_title", "is_not_set", undefined, ["5"]],
	["variant_sku", "contains", "test", ["1", "4"]],
	["variant_sku", "not_contains", "TEST", ["2", "3", "5"]],
	["variant_sku", "equals", "a_b", ["1"]],
	["variant_sku", "contains", "_", ["1"]],
	["variant_sku", "contains", "\\", ["3"]],
	["variant_sku", "ends_with", "%", ["4"]],
	["variant_sku", "equals", "IT'S", ["4"]],
	["variant_sku", "starts_with", "test-", ["1"]],
	["variant_sku", "is_set", undefined, ["1", "3", "4"]],
	["variant_sku", "is_not_set", undefined, ["2", "5"]],
	// Numbers: compared as numbers, any variant.
	["variant_price", "equals", "19.9", ["1"]],
	["variant_price", "equals", "19.90", ["1"]],
	["variant_price", "equals", "120.00", ["2"]],
	["variant_price", "equals", "7.5", ["4"]],
	["variant_price", "not_equals", "5", ["1", "2", "3", "5"]],
	["variant_price", "greater_than", "29.98", ["1", "2"]],
	["variant_price", "greater_than", "120", []],
	["variant_price", "less_than", "10", ["3", "4"]],
	["variant_compare_at_price", "is_set", undefined, ["1", "4"]],
	["variant_compare_at_price", "is_not_set", undefined, ["2", "3", "5"]],
	["variant_compare_at_price", "greater_than", "20", ["1"]],
	["variant_compare_at_price", "equals", "8.00", ["4"]],
	["variant_compare_at_price", "less_than", "100", ["1", "4"]],
	// Missing weights are skipped, not zero.
	["variant_weight", "greater_than", "1000", ["2"]],
	["variant_weight", "less_than", "300", ["1"]],
	["variant_weight", "equals", "453.59237", ["4"]],
	["variant_weight", "not_equals", "250", ["2", "3", "4", "5"]],
	["variant_weight", "is_set", undefined, ["1", "2", "4"]],
	["variant_weight", "is_not_set", undefined, ["3", "5"]],
	["variant_inventory", "less_than", "0", ["2"]],
	["variant_inventory", "greater_than", "10", ["3"]],
	["variant_inventory", "equals", "0", ["1"]],
	["variant_inventory", "not_equals", "0", ["2", "3", "4", "5"]],
	// Categories: exact or with descendants (aa-1 takes aa-1-13-8, not aa-12).
	["category", "equals", "aa-1", ["5"]],
	["category", "in_category", "aa-1", ["1", "2", "5"]],
	["category", "in_category", "AA-1-13", ["1"]],
	["category", "in_category", "aa-1-13-8", ["1"]],
	["category", "not_equals", "aa-1", ["1", "2", "3", "4"]],
	["category", "is_not_set", undefined, ["3"]],
	["collection", "equals", "22", ["1", "2"]],
	["collection", "equals", "2", []],
	["collection", "not_equals", "22", ["3", "4", "5"]],
	["collection", "is_set", undefined, ["1", "2", "4"]],
	["collection", "is_not_set", undefined, ["3", "5"]],
	["status", "equals", "active", ["1", "5"]],
	["status", "equals", "Draft", ["2"]],
	["status", "not_equals", "active", ["2", "3", "4"]],
];

describe("rule relations over a hand-made catalogue, SQL and in memory", () => {
	it.each(CASES)("%s %s %j", async (column, relation, condition, expected) => {
		await expectSelection(rules("all", [column, relation, condition]), expected);
	});

	it("combines rules with all (AND) and any (OR)", async () => {
		await expectSelection(rules("all", ["vendor", "equals", "café nord"], ["status", "equals", "active"], ["tag", "is_set"]), ["1", "5"]);
		await expectSelection(rules("any", ["tag", "equals", "kitchen"], ["title", "contains", "hat"]), ["3", "4"]);
		await expectSelection(rules("all", ["variant_sku", "not_contains", "test"], ["variant_weight", "is_not_set"]), ["3", "5"]);
		await expectSelection(rules("any", ["variant_price", "greater_than", "1000"], ["category", "in_category", "zz"]), []);
	});

	it("never selects another shop's or a deleted product", async () => {
		await expectSelection(rules("any", ["title", "contains", "a"], ["title", "contains", "e"]), ["1", "2", "3", "4", "5"]);
	});
});
