/**
 * The package weight TikTok gets: from Shopify (the heaviest variant, converted
 * to the template's unit and rounded UP to the unit's precision so a light item
 * never becomes 0), else the template's backup weight; or the template's custom
 * weight. Value as a string, as TikTok wants it.
 */
import { type CatalogProduct, gramsTo } from "../catalog";
import type { ListingShipping as Shipping } from "./config";
import type { Problem } from "./problems";

const DECIMALS = { KILOGRAM: 3, POUND: 2, GRAM: 0 } as const;

export function formatWeight(value: number, unit: Shipping["weightUnit"]): string {
	const factor = 10 ** DECIMALS[unit];
	// Round up at the unit's precision; the epsilon absorbs float noise like 0.1 + 0.2.
	const rounded = Math.ceil(value * factor - 1e-9) / factor;
	return String(Math.max(rounded, 1 / factor));
}

export type PackageWeight = { value: string; unit: Shipping["weightUnit"]; source: "shopify" | "backup" | "custom" };

export function packageWeight(
	product: CatalogProduct,
	shipping: Shipping,
): { ok: true; weight: PackageWeight } | { ok: false; problem: Problem } {
	const unit = shipping.weightUnit;
	if (shipping.weightSource === "custom" && shipping.customWeight != null) {
		return { ok: true, weight: { value: formatWeight(shipping.customWeight, unit), unit, source: "custom" } };
	}
	const grams = product.variants.map((v) => v.weightGrams ?? 0).filter((g) => g > 0);
	if (grams.length > 0) {
		return { ok: true, weight: { value: formatWeight(gramsTo(Math.max(...grams), unit), unit), unit, source: "shopify" } };
	}
	if (shipping.backupWeight != null) {
		return { ok: true, weight: { value: formatWeight(shipping.backupWeight, unit), unit, source: "backup" } };
	}
	return {
		ok: false,
		problem: {
			code: "NO_WEIGHT",
			message: "This product has no weight in Shopify and the template has no backup weight.",
			fix: "Add a weight to the product in Shopify, or set a backup weight in the template's shipping settings.",
			field: "shipping.backupWeight",
		},
	};
}
