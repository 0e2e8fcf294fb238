/**
 * Small conversions shared by the REST (webhook) and GraphQL (import) normalisers,
 * so both produce the same CatalogProduct for the same Shopify product.
 */
import { toGrams } from "../../catalog";

/** Webhooks send one comma+space string; GraphQL sends a list. Either way: trimmed, no empties. */
export function splitTags(tags: string | string[] | null | undefined): string[] {
	const list = Array.isArray(tags) ? tags : (tags ?? "").split(",");
	return list.map((tag) => tag.trim()).filter((tag) => tag !== "");
}

/** Shopify's timestamp (ISO 8601 with offset) in ms, or null when it does not parse. */
export function timestampMs(value: string | null | undefined): number | null {
	if (!value) return null;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : null;
}

/** Money as a decimal string, as Shopify sent it (GraphQL Money and REST both use strings). */
export function decimalText(value: string | number | null | undefined): string | null {
	if (value == null || value === "") return null;
	const text = String(value).trim();
	return /^-?\d+(\.\d+)?$/.test(text) ? text : null;
}

const SHORT_UNIT: Record<string, string> = {
	g: "g",
	grams: "g",
	kg: "kg",
	kilograms: "kg",
	lb: "lb",
	lbs: "lb",
	pounds: "lb",
	oz: "oz",
	ounces: "oz",
};

/** g | kg | lb | oz for both REST (`lb`) and GraphQL (`POUNDS`) spellings; null when unknown. */
export function shortWeightUnit(unit: string | null | undefined): string | null {
	return unit ? (SHORT_UNIT[unit.toLowerCase()] ?? null) : null;
}

export type Weight = { weightGrams: number | null; weightValue: number | null; weightUnit: string | null };

export const NO_WEIGHT: Weight = { weightGrams: null, weightValue: null, weightUnit: null };

/** A weight in grams plus the value and unit as entered; all null when Shopify has none (0 means none). */
export function weightFrom(value: number | string | null | undefined, unit: string | null | undefined): Weight {
	const short = shortWeightUnit(unit);
	const grams = toGrams(value, short);
	if (grams === null || short === null) return NO_WEIGHT;
	return { weightGrams: grams, weightValue: Number(value), weightUnit: short };
}
