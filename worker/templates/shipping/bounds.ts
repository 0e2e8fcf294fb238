/**
 * How package weights and dimensions are checked as TikTok reads them: TikTok
 * takes each value as a decimal string (`package_weight.value`, the dimensions;
 * tiktok-shop-api.md §3.8), so precision is counted on the plain decimal form
 * of the number, never on `String(n)`, which writes 1e-7 and 1e21 in exponent
 * form and so hides their digits.
 *
 * Upper bounds per unit. §3.8 "Units" states the units per region, the decimals
 * (KILOGRAM ≤ 3, POUND ≤ 2, GRAM whole) and "greater than zero" (12052181), and
 * rejects out-of-range sizes and weights with 12019011 / 12019012 / 12052116
 * without stating the figure. The bounds below are one parcel's worth, the same
 * limit in every unit (500 kg = 500,000 g ≈ 1,102.31 lb; 1,000 cm ≈ 393 in):
 * a value past them is a typo (grams typed as kilograms), refused here with the
 * field named instead of failing every product of the template at TikTok.
 */
import type { WEIGHT_UNITS, DIMENSION_UNITS } from "./schema";

export const MAX_WEIGHT: Record<(typeof WEIGHT_UNITS)[number], number> = { KILOGRAM: 500, GRAM: 500_000, POUND: 1102.31 };
export const MAX_DIMENSION: Record<(typeof DIMENSION_UNITS)[number], number> = { CENTIMETER: 1000, INCH: 393 };

/**
 * The number as TikTok receives it: a plain decimal string ("0.0000001", not
 * "1e-7"). The digits are those of the shortest round-trip form, so 0.1 stays
 * "0.1" rather than its binary expansion. Not finite: null.
 */
export function decimalString(value: number): string | null {
	if (!Number.isFinite(value)) return null;
	const [mantissa, exp] = String(Math.abs(value)).split("e");
	const sign = value < 0 ? "-" : "";
	if (exp === undefined) return sign + mantissa;
	const [whole, fraction = ""] = mantissa.split(".");
	const digits = whole + fraction;
	const point = whole.length + Number(exp);
	if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
	if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
	return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Digits after the decimal point in the plain decimal form (Infinity when not finite). */
export function decimalsOf(value: number): number {
	const plain = decimalString(value);
	if (plain === null) return Number.POSITIVE_INFINITY;
	return plain.split(".")[1]?.length ?? 0;
}
