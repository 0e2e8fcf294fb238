import { describe, expect, it } from "vitest";
import { formatWeight, packageWeight } from "../worker/listing/weight";
import { Shipping } from "../worker/templates/shipping/schema";
import { makeProduct, makeVariant } from "./support/catalog";

const shipping = (overrides: Partial<Shipping>) => Shipping.parse(overrides);

describe("package weight", () => {
	it("uses the heaviest Shopify variant, converted and rounded up to the unit's precision", () => {
		const product = makeProduct({ variants: [makeVariant({ weightGrams: 120 }), makeVariant({ weightGrams: 453.59237 })] });
		expect(packageWeight(product, shipping({ weightUnit: "POUND" }))).toMatchObject({
			ok: true,
			weight: { value: "1", unit: "POUND", source: "shopify" },
		});
		expect(packageWeight(product, shipping({ weightUnit: "KILOGRAM" }))).toMatchObject({
			ok: true,
			weight: { value: "0.454", unit: "KILOGRAM" },
		});
	});
	it("never rounds a light item down to zero", () => {
		expect(formatWeight(0.0001, "KILOGRAM")).toBe("0.001");
		expect(formatWeight(0.2, "GRAM")).toBe("1");
		expect(formatWeight(0.1 + 0.2, "KILOGRAM")).toBe("0.3");
	});
	it("falls back to the backup weight when Shopify has none", () => {
		const product = makeProduct({ variants: [makeVariant({ weightGrams: null }), makeVariant({ weightGrams: 0 })] });
		expect(packageWeight(product, shipping({ backupWeight: 0.5 }))).toMatchObject({ ok: true, weight: { value: "0.5", source: "backup" } });
	});
	it("reports the missing weight in the merchant's terms when there is no backup", () => {
		const product = makeProduct({ variants: [makeVariant({ weightGrams: null })] });
		const result = packageWeight(product, shipping({}));
		expect(result).toMatchObject({ ok: false, problem: { code: "NO_WEIGHT", field: "shipping.backupWeight" } });
	});
	it("uses the custom weight whatever Shopify says", () => {
		const product = makeProduct({ variants: [makeVariant({ weightGrams: 9000 })] });
		expect(packageWeight(product, shipping({ weightSource: "custom", customWeight: 1.25 }))).toMatchObject({
			ok: true,
			weight: { value: "1.25", source: "custom" },
		});
	});
});
