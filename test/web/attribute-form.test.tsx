/**
 * The attribute form, through what the merchant sees: a conditional attribute
 * gets its asterisk the moment its parent value is chosen, a sub-attribute the
 * parent's value rules out is disabled and explained, and the inputs follow
 * TikTok's is_multiple_selection / is_customizable flags.
 */
import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it } from "vitest";
import type { CategoryAttribute } from "../../worker/tiktok/category-spec";
import type { AttributeValue } from "../../worker/templates/schema";
import { AttributeForm } from "../../web/pages/editor/attributes";

const hasBattery: CategoryAttribute = {
	id: "101610",
	name: "Contains Batteries or Cells?",
	type: "PRODUCT_PROPERTY",
	is_requried: true,
	values: [
		{ id: "1024358", name: "Batteries" },
		{ id: "6363549", name: "Cells" },
		{ id: "3304258", name: "None" },
	],
};
const batteryType: CategoryAttribute = {
	id: "178466",
	name: "Battery Type",
	type: "PRODUCT_PROPERTY",
	values: [
		{ id: "6539156", name: "Lithium-ion" },
		{ id: "6536645", name: "Lithium Polymer" },
	],
	requirement_conditions: [
		{ condition_type: "VALUE_ID_MATCH", attribute_id: "101610", attribute_value_id: "1024358" },
		{ condition_type: "VALUE_ID_MATCH", attribute_id: "101610", attribute_value_id: "6363549" },
	],
};
const material: CategoryAttribute = {
	id: "100157",
	name: "Material",
	type: "PRODUCT_PROPERTY",
	is_multiple_selection: true,
	is_customizable: false,
	values: [
		{ id: "1000039", name: "Cotton" },
		{ id: "1000011", name: "Polyester" },
	],
};
const occasion: CategoryAttribute = {
	id: "100392",
	name: "Occasion",
	type: "PRODUCT_PROPERTY",
	is_multiple_selection: true,
	is_customizable: true,
	values: [{ id: "1001533", name: "Birthday" }],
};
const pattern: CategoryAttribute = {
	id: "100198",
	name: "Pattern",
	type: "PRODUCT_PROPERTY",
	is_customizable: true,
	values: [{ id: "1", name: "Solid" }],
};
const stretch: CategoryAttribute = { id: "100400", name: "Stretch", type: "PRODUCT_PROPERTY", values: [{ id: "2", name: "High" }] };
const colour: CategoryAttribute = {
	id: "100000",
	name: "Colour",
	type: "SALES_PROPERTY",
	is_customizable: true,
	is_multiple_selection: true,
	values: [{ id: "3", name: "Black" }],
};

let latest: Record<string, AttributeValue> = {};
function Harness({ attributes, initial = {} }: { attributes: CategoryAttribute[]; initial?: Record<string, AttributeValue> }) {
	const [values, setValues] = useState(initial);
	latest = values;
	return <AttributeForm attributes={attributes} values={values} onChange={setValues} />;
}

const labelOf = (name: string) =>
	screen.getAllByText((_, el) => (el?.tagName === "LABEL" || el?.tagName === "LEGEND") && !!el.textContent?.startsWith(name))[0];
const hasAsterisk = (name: string) => within(labelOf(name)).queryByText(/\*/) !== null;

afterEach(() => {
	cleanup();
	latest = {};
});

describe("conditional attributes", () => {
	it("marks a sub-attribute required the moment the parent value that calls for it is chosen", () => {
		render(<Harness attributes={[hasBattery, batteryType]} />);
		expect(hasAsterisk("Contains Batteries or Cells?")).toBe(true);
		expect(hasAsterisk("Battery Type")).toBe(false);
		expect(screen.getByLabelText(/^Battery Type/).getAttribute("aria-required")).toBeNull();

		fireEvent.change(screen.getByLabelText(/^Contains Batteries/), { target: { value: "1024358" } });

		expect(hasAsterisk("Battery Type")).toBe(true);
		expect(screen.getByLabelText(/^Battery Type/).getAttribute("aria-required")).toBe("true");
		expect(screen.getByText(/Required because “Contains Batteries or Cells\?” is “Batteries”/)).toBeTruthy();
	});

	it("disables and explains a sub-attribute that must stay empty, and drops its value", () => {
		render(
			<Harness
				attributes={[hasBattery, batteryType]}
				initial={{ "101610": { source: "fixed", values: [{ id: "1024358" }] }, "178466": { source: "fixed", values: [{ id: "6539156" }] } }}
			/>,
		);
		expect((screen.getByLabelText(/^Battery Type/) as HTMLSelectElement).disabled).toBe(false);

		fireEvent.change(screen.getByLabelText(/^Contains Batteries/), { target: { value: "3304258" } });

		const input = screen.getByLabelText(/^Battery Type/) as HTMLInputElement;
		expect(input.disabled).toBe(true);
		expect(hasAsterisk("Battery Type")).toBe(false);
		expect(screen.getByText(/Not used when “Contains Batteries or Cells\?” is “None”/)).toBeTruthy();
		expect(input.getAttribute("aria-describedby")).toContain("attr-178466-hint");
		expect(latest["178466"]).toBeUndefined();
		expect(latest["101610"]).toEqual({ source: "fixed", values: [{ id: "3304258" }] });
	});
});

describe("inputs follow the attribute flags", () => {
	it("offers checkboxes for a multi-select attribute and keeps every value checked", () => {
		render(<Harness attributes={[material]} />);
		const group = screen.getByRole("group", { name: /^Material/ });
		fireEvent.click(within(group).getByLabelText("Cotton"));
		fireEvent.click(within(group).getByLabelText("Polyester"));
		expect(latest["100157"]).toEqual({ source: "fixed", values: [{ id: "1000039" }, { id: "1000011" }] });
		// Not customizable: no way to type a value of one's own.
		expect(screen.queryByLabelText(/Custom value for Material/)).toBeNull();
	});

	it("lets a customizable multi-select attribute take custom values next to TikTok's", () => {
		render(<Harness attributes={[occasion]} />);
		fireEvent.click(screen.getByLabelText("Birthday"));
		fireEvent.input(screen.getByLabelText("Custom value for Occasion"), { target: { value: "Graduation" } });
		fireEvent.click(screen.getByRole("button", { name: "Add" }));
		expect(latest["100392"]).toEqual({ source: "fixed", values: [{ id: "1001533" }, { name: "Graduation" }] });
		fireEvent.click(screen.getByRole("button", { name: "Remove Graduation" }));
		expect(latest["100392"]).toEqual({ source: "fixed", values: [{ id: "1001533" }] });
	});

	it("gives a single-value attribute one select, with a custom value only where allowed", () => {
		render(<Harness attributes={[pattern, stretch]} />);
		const patternSelect = screen.getByLabelText(/^Pattern/) as HTMLSelectElement;
		const stretchSelect = screen.getByLabelText(/^Stretch/) as HTMLSelectElement;
		expect(patternSelect.tagName).toBe("SELECT");
		expect(patternSelect.multiple).toBe(false);
		expect([...patternSelect.options].map((o) => o.text)).toContain("Other (type a value)");
		expect([...stretchSelect.options].map((o) => o.text)).not.toContain("Other (type a value)");

		fireEvent.change(patternSelect, { target: { value: "__custom__" } });
		fireEvent.input(screen.getByLabelText("Custom value for Pattern"), { target: { value: "Tie-dye" } });
		expect(latest["100198"]).toEqual({ source: "fixed", values: [{ name: "Tie-dye" }] });
	});

	it("takes a value from each product instead, with the option it is read from", () => {
		render(<Harness attributes={[stretch]} />);
		fireEvent.change(screen.getByLabelText("Value source for Stretch"), { target: { value: "option" } });
		fireEvent.input(screen.getByLabelText("Shopify option name for Stretch"), { target: { value: "Stretch" } });
		expect(latest["100400"]).toEqual({ source: "product", field: "option", key: "Stretch" });
	});

	it("leaves sales properties to the Shopify options", () => {
		render(<Harness attributes={[colour, stretch]} />);
		expect(screen.queryByLabelText(/^Colour/)).toBeNull();
		expect(screen.getByText(/Colour come from each product's Shopify options/)).toBeTruthy();
	});
});
