import { describe, expect, it } from "vitest";
import { RULE_COLUMN_NAMES, RULE_RELATIONS, parseRuleSet, type RuleRelation } from "../worker/templates/rules/schema";

// Written out by hand (not read from RULE_COLUMNS) so that a change to the vocabulary fails here first.
const TEXT6 = ["equals", "not_equals", "contains", "not_contains", "starts_with", "ends_with"];
const NUM4 = ["equals", "not_equals", "greater_than", "less_than"];
const SET2 = ["is_set", "is_not_set"];
const ALLOWED: Record<string, { relations: string[]; valid: string; label: string }> = {
	title: { relations: TEXT6, valid: "Shirt", label: "equals, not equals, contains, not contains, starts with, ends with" },
	product_type: {
		relations: [...TEXT6, ...SET2],
		valid: "Shirts",
		label: "equals, not equals, contains, not contains, starts with, ends with, is set, is not set",
	},
	vendor: {
		relations: [...TEXT6, ...SET2],
		valid: "Acme",
		label: "equals, not equals, contains, not contains, starts with, ends with, is set, is not set",
	},
	tag: {
		relations: [...TEXT6, ...SET2],
		valid: "summer",
		label: "equals, not equals, contains, not contains, starts with, ends with, is set, is not set",
	},
	variant_title: {
		relations: [...TEXT6, ...SET2],
		valid: "Red / M",
		label: "equals, not equals, contains, not contains, starts with, ends with, is set, is not set",
	},
	variant_sku: {
		relations: [...TEXT6, ...SET2],
		valid: "SKU-1",
		label: "equals, not equals, contains, not contains, starts with, ends with, is set, is not set",
	},
	variant_price: { relations: NUM4, valid: "19.99", label: "equals, not equals, greater than, less than" },
	variant_compare_at_price: {
		relations: [...NUM4, ...SET2],
		valid: "25",
		label: "equals, not equals, greater than, less than, is set, is not set",
	},
	variant_weight: {
		relations: [...NUM4, ...SET2],
		valid: "453.59237",
		label: "equals, not equals, greater than, less than, is set, is not set",
	},
	variant_inventory: { relations: NUM4, valid: "-3", label: "equals, not equals, greater than, less than" },
	category: {
		relations: ["equals", "not_equals", "in_category", ...SET2],
		valid: "aa-2-14",
		label: "equals, not equals, in category, is set, is not set",
	},
	collection: { relations: ["equals", "not_equals", ...SET2], valid: "4412345678", label: "equals, not equals, is set, is not set" },
	status: { relations: ["equals", "not_equals"], valid: "active", label: "equals, not equals" },
};

const one = (rule: Record<string, unknown>, match = "all") => parseRuleSet({ match, rules: [rule] });
const messageOf = (result: ReturnType<typeof parseRuleSet>) => (result.ok ? "(accepted)" : result.message);

describe("rule set schema: column/relation pairs", () => {
	it("knows exactly the documented columns and relations", () => {
		expect(RULE_COLUMN_NAMES).toEqual(Object.keys(ALLOWED));
		expect(RULE_RELATIONS).toHaveLength(11);
	});

	for (const column of Object.keys(ALLOWED)) {
		const { relations, valid, label } = ALLOWED[column];
		for (const relation of RULE_RELATIONS as readonly RuleRelation[]) {
			const presence = relation === "is_set" || relation === "is_not_set";
			if (relations.includes(relation)) {
				it(`accepts ${column} ${relation}`, () => {
					const result = one({ column, relation, condition: presence ? "" : valid });
					expect(result, messageOf(result)).toEqual({
						ok: true,
						ruleSet: { match: "all", rules: [{ column, relation, condition: presence ? "" : valid }] },
					});
				});
			} else {
				it(`refuses ${column} ${relation}, naming the allowed relations`, () => {
					expect(messageOf(one({ column, relation, condition: presence ? "" : valid }))).toBe(
						`rules.0: "${column}" cannot use "${relation}"; use ${label}`,
					);
				});
			}
		}
	}

	it("names the offending rule by its position", () => {
		const result = parseRuleSet({
			match: "any",
			rules: [
				{ column: "title", relation: "contains", condition: "shirt" },
				{ column: "tag", relation: "equals", condition: "summer" },
				{ column: "vendor", relation: "greater_than", condition: "5" },
			],
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues).toEqual([
			{
				path: "rules.2",
				message:
					'"vendor" cannot use "greater_than"; use equals, not equals, contains, not contains, starts with, ends with, is set, is not set',
			},
		]);
	});

	it("refuses unknown columns and relations", () => {
		expect(messageOf(one({ column: "price", relation: "equals", condition: "1" }))).toBe(
			'rules.0: unknown column "price"; use title, product_type, vendor, tag, variant_title, variant_sku, variant_price, variant_compare_at_price, variant_weight, variant_inventory, category, collection, status',
		);
		expect(messageOf(one({ column: "title", relation: "like", condition: "a" }))).toBe(
			'rules.0: "title" cannot use "like"; use equals, not equals, contains, not contains, starts with, ends with',
		);
	});
});

describe("rule set schema: values", () => {
	it.each([
		["variant_price", "abc", '"variant_price" needs a number such as 19.99, not "abc"'],
		["variant_price", "1e3", '"variant_price" needs a number such as 19.99, not "1e3"'],
		["variant_price", "0x10", '"variant_price" needs a number such as 19.99, not "0x10"'],
		["variant_inventory", "Infinity", '"variant_inventory" needs a number such as 19.99, not "Infinity"'],
		["variant_weight", "1 kg", '"variant_weight" needs a number such as 19.99, not "1 kg"'],
		["variant_price", "1234567890123456", '"variant_price" needs a number such as 19.99, not "1234567890123456"'],
		["category", "Shirts", '"category" needs a Shopify category id such as aa-2-14, not "Shirts"'],
		["category", "aa-", '"category" needs a Shopify category id such as aa-2-14, not "aa-"'],
		["collection", "summer", '"collection" needs a collection id (digits), not "summer"'],
		["status", "live", '"status" must be one of active, draft, archived, unlisted, not "live"'],
	])("refuses %s = %j", (column, condition, message) => {
		const relation = column === "category" || column === "collection" || column === "status" ? "equals" : "greater_than";
		expect(messageOf(one({ column, relation, condition }))).toBe(`rules.0: ${message}`);
	});

	it("accepts plain decimals, signs and numbers sent as JSON numbers", () => {
		for (const condition of ["0", "19.9", "19.90", "-3", "+4", ".5", "7."])
			expect(one({ column: "variant_price", relation: "less_than", condition }).ok).toBe(true);
		expect(one({ column: "variant_price", relation: "equals", condition: 19.99 })).toMatchObject({
			ok: true,
			ruleSet: { rules: [{ condition: "19.99" }] },
		});
	});

	it("requires a condition except for is set / is not set, which take none", () => {
		expect(messageOf(one({ column: "title", relation: "contains", condition: "   " }))).toBe(
			'rules.0: "title" "contains" needs a condition',
		);
		expect(messageOf(one({ column: "title", relation: "contains" }))).toBe('rules.0: "title" "contains" needs a condition');
		expect(messageOf(one({ column: "vendor", relation: "is_set", condition: "Acme" }))).toBe(
			'rules.0: "vendor" "is_set" takes no condition',
		);
		expect(one({ column: "vendor", relation: "is_not_set", condition: null })).toMatchObject({
			ok: true,
			ruleSet: { rules: [{ condition: "" }] },
		});
	});

	it("limits text to 255 characters without control characters or broken surrogates", () => {
		expect(one({ column: "title", relation: "contains", condition: "x".repeat(255) }).ok).toBe(true);
		expect(messageOf(one({ column: "title", relation: "contains", condition: "x".repeat(256) }))).toBe(
			'rules.0: "title": the condition is longer than 255 characters',
		);
		expect(messageOf(one({ column: "tag", relation: "equals", condition: "a\u001fb" }))).toBe(
			'rules.0: "tag": the condition must not contain control characters (such as U+001F)',
		);
		expect(messageOf(one({ column: "title", relation: "contains", condition: "a\ud800" }))).toBe(
			'rules.0: "title": the condition is not valid text',
		);
		expect(one({ column: "title", relation: "contains", condition: "😀 Café" }).ok).toBe(true);
	});

	it("trims conditions and keeps the merchant's case; collection gids become ids", () => {
		expect(one({ column: "vendor", relation: "equals", condition: "  Café Nord " })).toMatchObject({
			ok: true,
			ruleSet: { rules: [{ condition: "Café Nord" }] },
		});
		expect(one({ column: "collection", relation: "equals", condition: "gid://shopify/Collection/42" })).toMatchObject({
			ok: true,
			ruleSet: { rules: [{ condition: "42" }] },
		});
		expect(one({ column: "status", relation: "equals", condition: "Draft" }).ok).toBe(true);
	});

	it("takes between 1 and 20 rules and match all or any", () => {
		const rule = { column: "tag", relation: "equals", condition: "a" };
		expect(parseRuleSet({ match: "any", rules: Array(20).fill(rule) }).ok).toBe(true);
		expect(messageOf(parseRuleSet({ match: "any", rules: Array(21).fill(rule) }))).toBe("rules: at most 20 rules per template");
		expect(messageOf(parseRuleSet({ match: "all", rules: [] }))).toBe("rules: add at least one rule");
		expect(messageOf(parseRuleSet({ match: "some", rules: [rule] }))).toBe('match: match must be "all" or "any"');
	});
});
