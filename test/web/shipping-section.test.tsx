/**
 * The shipping section checks what the merchant types with the server's own
 * validator for the shop's region: imperial units only in the US, one unit
 * system for weight and dimensions, whole-number dimensions, and at most 3
 * decimals in kilograms (2 in pounds, none in grams). Messages sit next to
 * the field they concern.
 */
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it } from "vitest";
import type { Shipping } from "../../worker/templates/shipping/schema";
import { ShippingSection } from "../../web/pages/editor/shipping";

const base: Shipping = { weightSource: "shopify", weightUnit: "KILOGRAM", backupWeight: null, customWeight: null, dimensions: null };

function Harness({ region, initial = base }: { region: string; initial?: Shipping }) {
	const [value, setValue] = useState(initial);
	return <ShippingSection value={value} onChange={setValue} region={region} />;
}

/** The error line wired to a field through aria-describedby. */
function errorOf(label: RegExp | string): string | null {
	const input = screen.getByLabelText(label);
	const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id.endsWith("-error"));
	return ids.map((id) => document.getElementById(id)?.textContent).find(Boolean) ?? null;
}

afterEach(cleanup);

describe("units by region", () => {
	it("refuses pounds outside the US, next to the unit", () => {
		render(<Harness region="GB" />);
		fireEvent.change(screen.getByLabelText("Weight unit"), { target: { value: "POUND" } });
		expect(errorOf("Weight unit")).toBe("Pounds are only accepted for US shops; use kilograms.");
		expect(screen.getByLabelText("Weight unit").getAttribute("aria-invalid")).toBe("true");
		fireEvent.change(screen.getByLabelText("Weight unit"), { target: { value: "KILOGRAM" } });
		expect(errorOf("Weight unit")).toBeNull();
	});

	it("accepts pounds in the US but not with centimeters", () => {
		render(<Harness region="US" />);
		fireEvent.change(screen.getByLabelText("Weight unit"), { target: { value: "POUND" } });
		expect(errorOf("Weight unit")).toBeNull();
		fireEvent.click(screen.getByLabelText(/Send package dimensions/));
		fireEvent.change(screen.getByLabelText("Unit"), { target: { value: "CENTIMETER" } });
		expect(errorOf("Unit")).toBe("With pounds, dimensions must be in inches (one unit system).");
		fireEvent.change(screen.getByLabelText("Unit"), { target: { value: "INCH" } });
		expect(errorOf("Unit")).toBeNull();
	});

	it("refuses inches outside the US", () => {
		render(<Harness region="DE" />);
		fireEvent.click(screen.getByLabelText(/Send package dimensions/));
		fireEvent.change(screen.getByLabelText("Unit"), { target: { value: "INCH" } });
		expect(errorOf("Unit")).toMatch(/Inches are only accepted for US shops/);
	});
});

describe("numbers", () => {
	it("wants whole-number dimensions", () => {
		render(<Harness region="US" />);
		fireEvent.click(screen.getByLabelText(/Send package dimensions/));
		fireEvent.input(screen.getByLabelText("Length"), { target: { value: "10.5" } });
		fireEvent.input(screen.getByLabelText("Width"), { target: { value: "20" } });
		expect(errorOf("Length")).toBe("Dimensions must be whole numbers greater than zero.");
		expect(errorOf("Width")).toBeNull();
		fireEvent.input(screen.getByLabelText("Length"), { target: { value: "11" } });
		expect(errorOf("Length")).toBeNull();
	});

	it("allows 3 decimals in kilograms, 2 in pounds, and keeps what was typed", () => {
		render(<Harness region="US" />);
		const backup = screen.getByLabelText("Backup weight") as HTMLInputElement;
		fireEvent.input(backup, { target: { value: "1.250" } });
		expect(errorOf("Backup weight")).toBeNull();
		expect(backup.value).toBe("1.250");
		fireEvent.input(backup, { target: { value: "1.2345" } });
		expect(errorOf("Backup weight")).toBe("Weight in kilograms allows at most 3 decimals.");
		fireEvent.input(backup, { target: { value: "1.234" } });
		fireEvent.change(screen.getByLabelText("Weight unit"), { target: { value: "POUND" } });
		expect(errorOf("Backup weight")).toBe("Weight in pounds allows at most 2 decimals.");
	});

	it("needs a weight greater than zero when one weight is used for every product", () => {
		render(<Harness region="US" />);
		fireEvent.click(screen.getByLabelText(/Use one weight for every product/));
		expect(errorOf(/^Weight(?! unit)/)).toBe("Enter the weight to use for every product.");
		fireEvent.input(screen.getByLabelText(/^Weight(?! unit)/), { target: { value: "0" } });
		expect(errorOf(/^Weight(?! unit)/)).toBe("Weight must be greater than zero.");
		fireEvent.input(screen.getByLabelText(/^Weight(?! unit)/), { target: { value: "abc" } });
		expect(errorOf(/^Weight(?! unit)/)).toBe("Enter a number.");
	});
});
