/**
 * Options and variants of a generated product: 1 to 30 variants over
 * Size / Color / Material (a fifth of products have only Shopify's
 * "Default Title" variant), prices and compare-at prices, SKUs (some blank),
 * barcodes, stock, and weights in g / kg / lb / oz on the inventory item, some
 * missing. `forcedCounts` builds the catalogue's >100-variant products.
 */
import { ids } from "./ids";
import type { Random } from "./random";
import type { OptionSpec, ProductTypeSpec } from "./taxonomy";
import type { SandboxOption, SandboxVariant, Weight, WeightUnit } from "./types";

export const MAX_GENERATED_VARIANTS = 30;

export type VariantPlan = { options: SandboxOption[]; combos: string[][] };

function pickValues(rng: Random, spec: OptionSpec, count: number): string[] {
	if (spec.name !== "Size") return rng.sample(spec.values, count);
	const start = rng.int(0, spec.values.length - count);
	return spec.values.slice(start, start + count);
}

function cartesian(lists: string[][]): string[][] {
	return lists.reduce<string[][]>((acc, values) => acc.flatMap((prefix) => values.map((v) => [...prefix, v])), [[]]);
}

export function planOptions(rng: Random, slot: number, index: number, spec: ProductTypeSpec, forcedCounts?: number[]): VariantPlan {
	if (!forcedCounts && rng.chance(0.2)) {
		return { options: [{ id: ids.option(slot, index, 1), name: "Title", values: ["Default Title"] }], combos: [["Default Title"]] };
	}
	const dims = forcedCounts?.length ?? rng.int(1, spec.options.length);
	const chosen = spec.options.slice(0, dims);
	const counts = forcedCounts ?? chosen.map((o, i) => rng.int(i === 0 ? 2 : 1, o.max));
	while (counts.reduce((a, b) => a * b, 1) > MAX_GENERATED_VARIANTS && !forcedCounts) {
		const largest = counts.indexOf(Math.max(...counts));
		counts[largest] -= 1;
	}
	const options = chosen.map((o, i) => ({ id: ids.option(slot, index, i + 1), name: o.name, values: pickValues(rng, o, counts[i]) }));
	return { options, combos: cartesian(options.map((o) => o.values)) };
}

const UNIT_FACTORS: Record<WeightUnit, number> = { GRAMS: 1, KILOGRAMS: 1000, POUNDS: 453.59237, OUNCES: 28.349523125 };
const UNIT_DECIMALS: Record<WeightUnit, number> = { GRAMS: 0, KILOGRAMS: 3, POUNDS: 2, OUNCES: 1 };

export function weightIn(grams: number, unit: WeightUnit): Weight {
	const factor = 10 ** UNIT_DECIMALS[unit];
	return { value: Math.round((grams / UNIT_FACTORS[unit]) * factor) / factor, unit };
}

export type VariantContext = {
	rng: Random;
	slot: number;
	index: number;
	spec: ProductTypeSpec;
	sku: (position: number) => string | null;
	/** "all" = no weight on any variant, "zero" = weight 0 (Shopify's unset), "some" = a few blanks. */
	weightGap: "none" | "all" | "zero";
	shopUnit: WeightUnit;
	imageCount: number;
	atMs: number;
};

const money = (n: number) => n.toFixed(2);

export function buildVariants(ctx: VariantContext, plan: VariantPlan): SandboxVariant[] {
	const { rng, spec } = ctx;
	const base = rng.int(spec.price[0], spec.price[1]) + rng.pick([0.99, 0, 0.5, 0.95]);
	const markup = rng.chance(0.35) ? 1.2 + rng.next() * 0.3 : null;
	const unit = rng.pick<WeightUnit>(["GRAMS", "GRAMS", "KILOGRAMS", "POUNDS", "OUNCES"]);
	const hasBarcode = rng.chance(0.6);
	const sizeOption = plan.options.findIndex((o) => o.name === "Size");
	const colorOption = plan.options.findIndex((o) => o.name === "Color");
	const sizeSpec = spec.options.find((o) => o.name === "Size");
	return plan.combos.map((values, i) => {
		const position = i + 1;
		const sizeRank = sizeOption >= 0 && sizeSpec ? sizeSpec.values.indexOf(values[sizeOption]) : 0;
		const price = base + (sizeRank >= 4 ? 3 : 0);
		const grams = spec.grams * (1 + Math.max(0, sizeRank) * 0.06);
		const variantId = ids.variant(ctx.slot, ctx.index, position);
		let weight: Weight | null = weightIn(grams, unit);
		if (ctx.weightGap === "all" || (ctx.weightGap === "none" && rng.chance(0.02))) weight = null;
		if (ctx.weightGap === "zero") weight = { value: 0, unit: ctx.shopUnit };
		const colorIndex = colorOption >= 0 ? plan.options[colorOption].values.indexOf(values[colorOption]) : -1;
		return {
			id: variantId,
			inventoryItemId: ids.inventoryItem(variantId),
			title: values.join(" / "),
			sku: rng.chance(0.03) ? null : ctx.sku(position),
			barcode: hasBarcode ? `8${String(variantId % 100_000_000_000).padStart(11, "0")}` : null,
			price: money(price),
			compareAtPrice: markup ? money(Math.ceil(price * markup) - 0.01) : null,
			inventoryQuantity: rng.chance(0.1) ? 0 : rng.int(1, 250),
			options: values,
			position,
			imageIndex: colorIndex >= 0 && ctx.imageCount > 0 ? colorIndex % ctx.imageCount : null,
			weight,
			createdAtMs: ctx.atMs,
			updatedAtMs: ctx.atMs,
		};
	});
}
