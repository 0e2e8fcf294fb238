/**
 * TikTok's package rules for a shop's region, checked before anything is sent:
 * one unit system (KILOGRAM/GRAM with CENTIMETER, POUND with INCH: 12052915),
 * imperial only for US shops (12019061), GRAM only in BR/JP/MX (12052916),
 * weight greater than zero (12052181) with at most 3 decimals in KILOGRAM and 2
 * in POUND and none in GRAM, and whole-number dimensions (12019012), each within
 * its unit's upper bound (bounds.ts), counted on the decimal string TikTok gets.
 * Pure: the editor runs the same checks as the server.
 * @see tiktok-shop-api.md §3.8 "Units"
 */
import type { FieldIssue } from "../../http/errors";
import { decimalsOf, MAX_DIMENSION, MAX_WEIGHT } from "./bounds";
import type { Shipping } from "./schema";

export { decimalsOf };

const DECIMALS = { KILOGRAM: 3, POUND: 2, GRAM: 0 } as const;
const GRAM_REGIONS = new Set(["BR", "JP", "MX"]);

export function validateWeightValue(value: number, unit: Shipping["weightUnit"], path: string): FieldIssue[] {
	if (!(value > 0)) return [{ path, message: "Weight must be greater than zero." }];
	if (value > MAX_WEIGHT[unit]) return [{ path, message: `Weight in ${unit.toLowerCase()}s can be at most ${MAX_WEIGHT[unit]}.` }];
	const max = DECIMALS[unit];
	if (decimalsOf(value) > max) {
		return [
			{
				path,
				message: max === 0 ? "Weight in grams must be a whole number." : `Weight in ${unit.toLowerCase()}s allows at most ${max} decimals.`,
			},
		];
	}
	return [];
}

export function validateDimension(value: number, unit: NonNullable<Shipping["dimensions"]>["unit"], path: string): FieldIssue[] {
	if (!(value > 0) || decimalsOf(value) > 0) return [{ path, message: "Dimensions must be whole numbers greater than zero." }];
	if (value > MAX_DIMENSION[unit])
		return [{ path, message: `Dimensions in ${unit.toLowerCase()}s can be at most ${MAX_DIMENSION[unit]}.` }];
	return [];
}

export function validateShipping(shipping: Shipping, region: string | null): FieldIssue[] {
	const issues: FieldIssue[] = [];
	const isUS = region === "US";
	if (shipping.weightUnit === "POUND" && !isUS)
		issues.push({ path: "shipping.weightUnit", message: "Pounds are only accepted for US shops; use kilograms." });
	if (shipping.weightUnit === "GRAM" && !GRAM_REGIONS.has(region ?? "")) {
		issues.push({ path: "shipping.weightUnit", message: "Grams are only accepted for BR, JP and MX shops; use kilograms." });
	}
	if (shipping.weightSource === "custom" && shipping.customWeight == null) {
		issues.push({ path: "shipping.customWeight", message: "Enter the weight to use for every product." });
	}
	if (shipping.customWeight != null)
		issues.push(...validateWeightValue(shipping.customWeight, shipping.weightUnit, "shipping.customWeight"));
	if (shipping.backupWeight != null)
		issues.push(...validateWeightValue(shipping.backupWeight, shipping.weightUnit, "shipping.backupWeight"));
	const dims = shipping.dimensions;
	if (dims) {
		for (const side of ["length", "width", "height"] as const)
			issues.push(...validateDimension(dims[side], dims.unit, `shipping.dimensions.${side}`));
		const imperialWeight = shipping.weightUnit === "POUND";
		if (dims.unit === "INCH" && !isUS)
			issues.push({ path: "shipping.dimensions.unit", message: "Inches are only accepted for US shops; use centimeters." });
		if ((dims.unit === "INCH") !== imperialWeight) {
			issues.push({
				path: "shipping.dimensions.unit",
				message: imperialWeight
					? "With pounds, dimensions must be in inches (one unit system)."
					: "With kilograms or grams, dimensions must be in centimeters (one unit system).",
			});
		}
	}
	return issues;
}
