/**
 * The rule builder: the relations offered for each column are exactly
 * RULE_COLUMNS' (so an invalid pair cannot be built), switching columns never
 * keeps a relation or value the new column refuses, presence relations take no
 * value, and match all/any is the merchant's choice.
 */
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it } from "vitest";
import { ruleProblem } from "../../worker/templates/rules/schema";
import { RELATION_INFO, RULE_COLUMN_NAMES, RULE_COLUMNS } from "../../worker/templates/rules/vocabulary";
import { RuleBuilder } from "../../web/pages/editor/rules";
import type { RuleRow } from "../../web/lib/types";

type Value = { match: "all" | "any"; rules: RuleRow[] };
let latest: Value = { match: "all", rules: [] };
function Harness({ initial }: { initial: Value }) {
	const [value, setValue] = useState(initial);
	latest = value;
	return <RuleBuilder match={value.match} rules={value.rules} onChange={setValue} />;
}

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;
const optionTexts = (el: HTMLSelectElement) => [...el.options].map((o) => o.text);

afterEach(() => {
	cleanup();
	latest = { match: "all", rules: [] };
});

describe("relations per column", () => {
	it("offers exactly the relations RULE_COLUMNS allows for every column", () => {
		render(<Harness initial={{ match: "all", rules: [{ column: "title", relation: "equals", condition: "" }] }} />);
		for (const column of RULE_COLUMN_NAMES) {
			fireEvent.change(select("Rule 1 column"), { target: { value: column } });
			expect(optionTexts(select("Rule 1 relation")), column).toEqual(RULE_COLUMNS[column].relations.map((r) => RELATION_INFO[r].label));
		}
	});

	it("never keeps a relation the new column refuses", () => {
		render(<Harness initial={{ match: "all", rules: [{ column: "variant_price", relation: "greater_than", condition: "10" }] }} />);
		fireEvent.change(select("Rule 1 column"), { target: { value: "vendor" } });
		const [rule] = latest.rules;
		expect(rule.column).toBe("vendor");
		expect(rule.relation).toBe("equals");
		// A number typed for a price does not become a vendor name.
		expect(rule.condition).toBe("");
		expect(select("Rule 1 relation").value).toBe("equals");
	});

	it("keeps a relation both columns allow, and the text typed for it", () => {
		render(<Harness initial={{ match: "all", rules: [{ column: "vendor", relation: "contains", condition: "Acme" }] }} />);
		fireEvent.change(select("Rule 1 column"), { target: { value: "title" } });
		expect(latest.rules[0]).toEqual({ column: "title", relation: "contains", condition: "Acme" });
	});

	it("takes no value for is set / is not set, and a listed one for status", () => {
		render(<Harness initial={{ match: "all", rules: [{ column: "tag", relation: "equals", condition: "sale" }] }} />);
		fireEvent.change(select("Rule 1 relation"), { target: { value: "is_set" } });
		expect(screen.queryByLabelText("Rule 1 value")).toBeNull();
		expect(latest.rules[0].condition).toBe("");

		fireEvent.change(select("Rule 1 column"), { target: { value: "status" } });
		const status = select("Rule 1 value");
		expect(status.tagName).toBe("SELECT");
		expect(optionTexts(status)).toEqual(["— Choose —", "active", "draft", "archived", "unlisted"]);
	});

	it("builds only rules the server's schema accepts, whatever the merchant clicks", () => {
		render(<Harness initial={{ match: "all", rules: [{ column: "title", relation: "equals", condition: "" }] }} />);
		for (const column of RULE_COLUMN_NAMES) {
			fireEvent.change(select("Rule 1 column"), { target: { value: column } });
			for (const option of [...select("Rule 1 relation").options]) {
				fireEvent.change(select("Rule 1 relation"), { target: { value: option.value } });
				const value = screen.queryByLabelText("Rule 1 value") as HTMLInputElement | HTMLSelectElement | null;
				const sample =
					RULE_COLUMNS[column].value === "number"
						? "12.5"
						: RULE_COLUMNS[column].value === "category"
							? "aa-2"
							: RULE_COLUMNS[column].value === "collection"
								? "42"
								: "active";
				if (value) fireEvent[value.tagName === "SELECT" ? "change" : "input"](value, { target: { value: sample } });
				const rule = latest.rules[0];
				expect(ruleProblem(rule.column, rule.relation, rule.condition.trim()), `${rule.column} ${rule.relation}`).toBeNull();
			}
		}
	});

	it("flags a number column's text before saving", () => {
		render(<Harness initial={{ match: "all", rules: [{ column: "variant_price", relation: "less_than", condition: "" }] }} />);
		fireEvent.input(screen.getByLabelText("Rule 1 value"), { target: { value: "cheap" } });
		expect(screen.getByText("Enter a number such as 19.99.")).toBeTruthy();
	});
});

describe("match and rows", () => {
	it("switches between all and any, and adds and removes rules", () => {
		render(<Harness initial={{ match: "all", rules: [] }} />);
		fireEvent.click(screen.getByRole("button", { name: "Add rule" }));
		fireEvent.click(screen.getByRole("button", { name: "Add rule" }));
		expect(latest.rules).toHaveLength(2);
		fireEvent.click(screen.getByLabelText(/any condition/));
		expect(latest.match).toBe("any");
		expect((screen.getByLabelText(/all conditions/) as HTMLInputElement).checked).toBe(false);
		fireEvent.input(screen.getByLabelText("Rule 2 value"), { target: { value: "Mugs" } });
		fireEvent.click(screen.getByRole("button", { name: "Remove rule 1" }));
		expect(latest).toEqual({ match: "any", rules: [{ column: "product_type", relation: "equals", condition: "Mugs" }] });
		fireEvent.click(screen.getByLabelText(/all conditions/));
		expect(latest.match).toBe("all");
	});
});
