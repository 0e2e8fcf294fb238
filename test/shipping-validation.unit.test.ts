import { describe, expect, it } from "vitest";
import { Shipping } from "../worker/templates/shipping/schema";
import { validateShipping } from "../worker/templates/shipping/validate";

const paths = (shipping: unknown, region: string | null) => validateShipping(Shipping.parse(shipping), region).map((i) => i.path);

describe("shipping settings per region", () => {
	it("accepts metric everywhere and imperial in the US", () => {
		expect(
			paths({ weightUnit: "KILOGRAM", backupWeight: 0.25, dimensions: { length: 10, width: 5, height: 2, unit: "CENTIMETER" } }, "GB"),
		).toEqual([]);
		expect(paths({ weightUnit: "POUND", backupWeight: 1.25, dimensions: { length: 10, width: 5, height: 2, unit: "INCH" } }, "US")).toEqual(
			[],
		);
	});
	it("refuses imperial units outside the US", () => {
		expect(paths({ weightUnit: "POUND", backupWeight: 1 }, "GB")).toEqual(["shipping.weightUnit"]);
		expect(paths({ weightUnit: "KILOGRAM", dimensions: { length: 1, width: 1, height: 1, unit: "INCH" } }, "GB")).toContain(
			"shipping.dimensions.unit",
		);
	});
	it("refuses mixing unit systems", () => {
		expect(paths({ weightUnit: "KILOGRAM", dimensions: { length: 1, width: 1, height: 1, unit: "INCH" } }, "US")).toEqual([
			"shipping.dimensions.unit",
		]);
		expect(paths({ weightUnit: "POUND", dimensions: { length: 1, width: 1, height: 1, unit: "CENTIMETER" } }, "US")).toEqual([
			"shipping.dimensions.unit",
		]);
	});
	it("refuses fractional dimensions and too many weight decimals", () => {
		expect(paths({ dimensions: { length: 10.5, width: 5, height: 2, unit: "CENTIMETER" } }, "US")).toEqual(["shipping.dimensions.length"]);
		expect(paths({ weightUnit: "KILOGRAM", backupWeight: 0.1234 }, "US")).toEqual(["shipping.backupWeight"]);
		expect(paths({ weightUnit: "POUND", backupWeight: 1.005 }, "US")).toEqual(["shipping.backupWeight"]);
	});
	it("allows grams only where TikTok does", () => {
		expect(paths({ weightUnit: "GRAM", backupWeight: 250 }, "BR")).toEqual([]);
		expect(paths({ weightUnit: "GRAM", backupWeight: 250 }, "US")).toEqual(["shipping.weightUnit"]);
		expect(paths({ weightUnit: "GRAM", backupWeight: 2.5 }, "BR")).toEqual(["shipping.backupWeight"]);
	});
	it("needs a custom weight when the source is custom, and zero is refused by the schema", () => {
		expect(paths({ weightSource: "custom" }, "US")).toEqual(["shipping.customWeight"]);
		expect(Shipping.safeParse({ backupWeight: 0 }).success).toBe(false);
	});
});
