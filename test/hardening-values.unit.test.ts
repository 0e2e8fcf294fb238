/**
 * Shipping values are checked as the decimal strings TikTok receives (1e-7 kg
 * has 7 decimals, though String() writes "1e-7"), within each unit's upper
 * bound; attribute keys that are not TikTok ids are refused with their field
 * named, and prototype keys (which zod skips) are found anywhere in a body.
 */
import { describe, expect, it } from "vitest";
import { prototypeKeyIssues } from "../worker/http/prototype-keys";
import { zodIssues } from "../worker/http/validate";
import { TemplateConfig } from "../worker/templates/schema";
import { decimalString, MAX_DIMENSION, MAX_WEIGHT } from "../worker/templates/shipping/bounds";
import { Shipping } from "../worker/templates/shipping/schema";
import { validateShipping } from "../worker/templates/shipping/validate";

const paths = (shipping: unknown, region: string | null) => validateShipping(Shipping.parse(shipping), region).map((i) => i.path);

describe("weights and dimensions as decimal strings", () => {
	it("writes numbers the way TikTok reads them, without exponents", () => {
		expect(decimalString(1e-7)).toBe("0.0000001");
		expect(decimalString(1.5e-7)).toBe("0.00000015");
		expect(decimalString(1e21)).toBe("1000000000000000000000");
		expect(decimalString(0.25)).toBe("0.25");
		expect(decimalString(Number.NaN)).toBeNull();
	});

	it("counts the decimals of tiny weights", () => {
		expect(paths({ weightUnit: "KILOGRAM", backupWeight: 1e-7 }, "US")).toEqual(["shipping.backupWeight"]);
		expect(paths({ weightUnit: "POUND", customWeight: 5e-7, weightSource: "custom" }, "US")).toEqual(["shipping.customWeight"]);
		expect(paths({ weightUnit: "GRAM", backupWeight: 1e-7 }, "BR")).toEqual(["shipping.backupWeight"]);
		expect(paths({ weightUnit: "KILOGRAM", backupWeight: 0.001 }, "US")).toEqual([]);
	});

	it("refuses weights and dimensions past each unit's bound, accepts the bound itself", () => {
		expect(paths({ weightUnit: "KILOGRAM", backupWeight: 1e300 }, "US")).toEqual(["shipping.backupWeight"]);
		expect(paths({ weightUnit: "KILOGRAM", backupWeight: MAX_WEIGHT.KILOGRAM }, "US")).toEqual([]);
		expect(paths({ weightUnit: "KILOGRAM", backupWeight: MAX_WEIGHT.KILOGRAM + 0.001 }, "US")).toEqual(["shipping.backupWeight"]);
		expect(paths({ weightUnit: "GRAM", backupWeight: MAX_WEIGHT.GRAM + 1 }, "MX")).toEqual(["shipping.backupWeight"]);
		expect(paths({ weightUnit: "POUND", backupWeight: MAX_WEIGHT.POUND + 0.01 }, "US")).toEqual(["shipping.backupWeight"]);
		const dims = (length: number, unit: string) => ({ length, width: 10, height: 10, unit });
		expect(paths({ weightUnit: "KILOGRAM", backupWeight: 1, dimensions: dims(1e300, "CENTIMETER") }, "US")).toEqual([
			"shipping.dimensions.length",
		]);
		expect(paths({ weightUnit: "KILOGRAM", backupWeight: 1, dimensions: dims(MAX_DIMENSION.CENTIMETER, "CENTIMETER") }, "US")).toEqual([]);
		expect(paths({ weightUnit: "POUND", backupWeight: 1, dimensions: dims(MAX_DIMENSION.INCH + 1, "INCH") }, "US")).toEqual([
			"shipping.dimensions.length",
		]);
	});
});

describe("attribute keys", () => {
	const parse = (json: string) => TemplateConfig.safeParse(JSON.parse(json));
	const value = '{"source":"fixed","values":[{"id":"1"}]}';

	it("refuses keys that are not TikTok ids (constructor, names), each with its field", () => {
		for (const key of ["constructor", "prototype", "Color", "12a"]) {
			const result = parse(`{"attributes":{"100000":${value},"${key}":${value}}}`);
			expect(result.success, key).toBe(false);
			if (!result.success) expect(zodIssues(result.error).map((i) => i.path)).toEqual([`attributes.${key}`]);
		}
	});

	it("finds __proto__ (which zod would skip) at any depth of a JSON body", () => {
		const body = JSON.parse(`{"name":"x","attributes":{"100000":${value},"__proto__":${value}},"rules":[{"constructor":1}]}`);
		expect(
			prototypeKeyIssues(body)
				.map((i) => i.path)
				.sort(),
		).toEqual(["attributes.__proto__", "rules.0.constructor"]);
		expect(prototypeKeyIssues(JSON.parse(`{"attributes":{"100000":${value}}}`))).toEqual([]);
	});

	it("keeps TikTok's numeric attribute ids", () => {
		const result = parse(`{"attributes":{"100000":${value},"101610":${value}}}`);
		expect(result.success && Object.keys(result.data.attributes)).toEqual(["100000", "101610"]);
	});
});
