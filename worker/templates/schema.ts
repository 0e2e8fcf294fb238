/**
 * What a merchant saves in a category template (besides its rules, which have
 * their own schema in rules/schema.ts). Values are stored by TikTok value id,
 * so VALUE_ID_MATCH conditions can be evaluated without an API call; a value
 * may instead come from each product (vendor, product type, an option, a tag).
 * Pure: the UI imports it.
 */
import { z } from "zod";
import { AttributeId } from "./attributes/keys";
import { Shipping } from "./shipping/schema";

const id = z.string().trim().min(1).max(64);

export const FixedValue = z.union([z.object({ id }), z.object({ name: z.string().trim().min(1).max(2000) })]);

export const ProductSource = z.enum(["vendor", "product_type", "option", "tag_prefix"]);

export const AttributeValue = z.discriminatedUnion("source", [
	z.object({ source: z.literal("fixed"), values: z.array(FixedValue).min(1).max(50) }),
	z.object({
		source: z.literal("product"),
		/** vendor | product_type | option (a Shopify option, named by `key`) | tag_prefix (tags like "material:cotton", prefix in `key`). */
		field: ProductSource,
		key: z.string().trim().max(255).optional(),
	}),
]);
export type AttributeValue = z.infer<typeof AttributeValue>;

export const Certification = z.object({
	id,
	images: z
		.array(z.object({ uri: z.string().min(1).max(500) }))
		.max(10)
		.default([]),
	files: z
		.array(z.object({ id, name: z.string().min(1).max(255), format: z.literal("PDF").default("PDF") }))
		.max(10)
		.default([]),
	/** Unix seconds. */
	expiresAt: z.number().int().positive().nullable().default(null),
});
export type Certification = z.infer<typeof Certification>;

export const Extra = z.object({
	brandId: id.nullable().default(null),
	titlePrefix: z.string().max(60).default(""),
	titleSuffix: z.string().max(60).default(""),
	/** Appended to every description (HTML, cleaned like the rest). */
	descriptionFooter: z.string().max(2000).default(""),
	sizeChart: z
		.union([z.object({ imageUri: z.string().min(1) }), z.object({ templateId: id })])
		.nullable()
		.default(null),
	isCodAllowed: z.boolean().default(false),
});
export type Extra = z.infer<typeof Extra>;

export const TemplateConfig = z.object({
	attributes: z.record(AttributeId, AttributeValue).default({}),
	certifications: z.array(Certification).max(10).default([]),
	shipping: Shipping.default(Shipping.parse({})),
	extra: Extra.default(Extra.parse({})),
});
export type TemplateConfig = z.infer<typeof TemplateConfig>;
