/**
 * Weight normalisation. Shopify keeps weight on the inventory item (since API
 * 2024-07) in g, kg, lb or oz (REST/webhooks) or GRAMS, KILOGRAMS, POUNDS, OUNCES
 * (GraphQL). Factors are exact by definition.
 */
const GRAMS_PER: Record<string, number> = {
	g: 1,
	grams: 1,
	kg: 1000,
	kilograms: 1000,
	lb: 453.59237,
	pounds: 453.59237,
	oz: 28.349523125,
	ounces: 28.349523125,
};

/** Grams, or null when the value is missing, not positive, or in an unknown unit. */
export function toGrams(value: number | string | null | undefined, unit: string | null | undefined): number | null {
	if (value == null || unit == null) return null;
	const n = typeof value === "number" ? value : Number(value);
	const factor = GRAMS_PER[unit.toLowerCase()];
	if (!Number.isFinite(n) || n <= 0 || factor === undefined) return null;
	return n * factor;
}

export function gramsTo(grams: number, unit: "GRAM" | "KILOGRAM" | "POUND" | "OUNCE"): number {
	const factor = { GRAM: 1, KILOGRAM: 1000, POUND: 453.59237, OUNCE: 28.349523125 }[unit];
	return grams / factor;
}
