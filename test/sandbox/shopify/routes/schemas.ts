/**
 * Bodies of the sandbox's test routes (/__sandbox/…), validated at the edge.
 * Ids accept a number, a numeric string or a GID. Weight units accept Shopify's
 * REST codes (g, kg, lb, oz) and GraphQL enums (GRAMS, KILOGRAMS, POUNDS, OUNCES).
 */
import { z } from "zod";
import type { WeightUnit } from "../catalog/types";
import { MYSHOPIFY_DOMAIN } from "../env";

const UNITS: Record<string, WeightUnit> = {
	g: "GRAMS",
	kg: "KILOGRAMS",
	lb: "POUNDS",
	oz: "OUNCES",
	GRAMS: "GRAMS",
	KILOGRAMS: "KILOGRAMS",
	POUNDS: "POUNDS",
	OUNCES: "OUNCES",
};

export const WeightUnitInput = z.string().transform((unit, ctx) => {
	const value = UNITS[unit] ?? UNITS[unit.toUpperCase()];
	if (!value) ctx.addIssue({ code: "custom", message: "weight unit must be g, kg, lb, oz or GRAMS, KILOGRAMS, POUNDS, OUNCES" });
	return value;
});

export const Shop = z.string().regex(MYSHOPIFY_DOMAIN, "must be a *.myshopify.com domain");

export const NumericId = z
	.union([z.number().int().positive(), z.string().regex(/^(gid:\/\/shopify\/\w+\/)?\d+$/)])
	.transform((v) => Number(String(v).replace(/^gid:\/\/shopify\/\w+\//, "")));

const Weight = z.object({ value: z.number().min(0), unit: WeightUnitInput }).nullable();

const Decimal = z.union([z.string().regex(/^\d+(\.\d{1,2})?$/), z.number().min(0)]).transform((v) => Number(v).toFixed(2));

const Variant = z.object({
	id: NumericId.optional(),
	title: z.string().min(1).optional(),
	options: z.array(z.string().min(1)).max(3).optional(),
	price: Decimal.optional(),
	compareAtPrice: Decimal.nullable().optional(),
	sku: z.string().nullable().optional(),
	barcode: z.string().nullable().optional(),
	inventoryQuantity: z.number().int().optional(),
	weight: Weight.optional(),
});

const Category = z.object({ id: z.string().min(1), name: z.string(), fullName: z.string() }).transform((c) => ({
	...c,
	id: c.id.startsWith("gid://") ? c.id : `gid://shopify/TaxonomyCategory/${c.id}`,
}));

export const ProductPatch = z.object({
	title: z.string().min(1).optional(),
	handle: z
		.string()
		.regex(/^[a-z0-9-]+$/)
		.optional(),
	descriptionHtml: z.string().optional(),
	vendor: z.string().optional(),
	productType: z.string().optional(),
	tags: z.array(z.string()).optional(),
	status: z
		.string()
		.transform((s) => s.toUpperCase())
		.pipe(z.enum(["ACTIVE", "DRAFT", "ARCHIVED"]))
		.optional(),
	category: Category.nullable().optional(),
	optionNames: z.array(z.string().min(1)).max(3).optional(),
	variants: z.array(Variant).max(2048).optional(),
	removeVariantIds: z.array(NumericId).optional(),
	images: z
		.array(
			z.object({
				width: z.number().int().min(1).max(2048).optional(),
				height: z.number().int().min(1).max(2048).optional(),
				alt: z.string().nullable().optional(),
			}),
		)
		.max(20)
		.optional(),
});

export const NewProduct = ProductPatch.extend({ title: z.string().min(1) });

export const CreateStore = z.object({
	shop: Shop,
	productCount: z.number().int().min(0).max(100_000).optional(),
	seed: z.string().min(1).optional(),
	replace: z.boolean().optional(),
	weightUnit: WeightUnitInput.optional(),
	name: z.string().min(1).optional(),
	currencyCode: z
		.string()
		.regex(/^[A-Z]{3}$/)
		.optional(),
});

export const Throttle = z.object({
	maximumAvailable: z.number().min(0).optional(),
	restoreRate: z.number().min(0).optional(),
	currentlyAvailable: z.number().min(0).optional(),
	maxQueryCost: z.number().min(1).optional(),
});

export const InventoryWeight = z.object({ weight_value: z.number().min(0).nullable(), weight_unit: WeightUnitInput.nullable().optional() });

export const Subscribe = z.object({ topic: z.string().min(1), uri: z.string().url(), apiVersion: z.string().optional() });

export const Trigger = z.object({ topic: z.string().regex(/^[a-z_]+\/[a-z_]+$/), payload: z.unknown().optional() });

export const Replay = z.object({
	deliveryIds: z.array(z.string()).optional(),
	times: z.number().int().min(1).max(10).optional(),
	reverse: z.boolean().optional(),
	topic: z.string().optional(),
	since: z.string().optional(),
	url: z.string().url().optional(),
});
