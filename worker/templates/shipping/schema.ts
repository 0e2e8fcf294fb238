/**
 * A template's shipping settings: where the package weight comes from, its unit,
 * and the package dimensions. Pure: the UI imports it for live validation.
 */
import { z } from "zod";

export const WEIGHT_UNITS = ["KILOGRAM", "GRAM", "POUND"] as const;
export const DIMENSION_UNITS = ["CENTIMETER", "INCH"] as const;

export const Shipping = z.object({
	/** "shopify": the variant weights from Shopify, with `backupWeight` when Shopify has none; "custom": always `customWeight`. */
	weightSource: z.enum(["shopify", "custom"]).default("shopify"),
	weightUnit: z.enum(WEIGHT_UNITS).default("KILOGRAM"),
	backupWeight: z.number().positive().nullable().default(null),
	customWeight: z.number().positive().nullable().default(null),
	dimensions: z
		.object({
			length: z.number().positive(),
			width: z.number().positive(),
			height: z.number().positive(),
			unit: z.enum(DIMENSION_UNITS),
		})
		.nullable()
		.default(null),
});

export type Shipping = z.infer<typeof Shipping>;
