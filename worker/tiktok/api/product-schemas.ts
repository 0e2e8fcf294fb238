/**
 * Response schemas for product calls. Lenient where TikTok varies: the audit reasons key is
 * `pre_approved_reasons` in the docs and `pre_approved_reason` in an example (both are read),
 * and unknown fields are kept (`looseObject`) for callers that need them.
 * @see https://partner.tiktokshop.com/docv2/page/get-product-202309
 */
import { z } from "zod";
import { Id, Money, Warnings } from "./context";

const Reasons = z.union([z.string(), z.array(z.string())]).transform((v) => (typeof v === "string" ? [v] : v));

export const Audit = z
	.looseObject({ status: z.string().default("NONE"), pre_approved_reasons: Reasons.optional(), pre_approved_reason: Reasons.optional() })
	.transform(({ pre_approved_reason, pre_approved_reasons, ...rest }) => ({
		...rest,
		pre_approved_reasons: [...(pre_approved_reasons ?? []), ...(pre_approved_reason ?? [])],
	}));

export const CreatedProduct = z.object({
	product_id: Id,
	skus: z
		.array(
			z.looseObject({
				id: Id,
				seller_sku: z.string().default(""),
				external_sku_id: Id.optional(),
				sales_attributes: z.array(z.looseObject({ id: Id.optional(), value_id: Id.optional() })).default([]),
			}),
		)
		.default([]),
	warnings: Warnings.default([]),
	audit: Audit.optional(),
});
export type CreatedProduct = z.infer<typeof CreatedProduct>;

export const ListingCheck = z.looseObject({
	/** PASS | FAILED */
	check_result: z.string(),
	fail_reasons: z
		.array(
			z.looseObject({
				code: z.union([z.number(), z.string()]).transform(Number).optional(),
				message: z.string().default(""),
				reasons: z.array(z.string()).optional(),
			}),
		)
		.default([]),
	warnings: z.unknown().optional(),
});
export type ListingCheckResult = z.infer<typeof ListingCheck>;

const ProductSku = z.looseObject({
	id: Id,
	seller_sku: z.string().default(""),
	external_sku_id: Id.optional(),
	price: Money.optional(),
	inventory: z.array(z.looseObject({ warehouse_id: Id.optional(), quantity: z.number().optional() })).default([]),
	status_info: z.looseObject({ status: z.string().optional(), deactivation_source: z.string().optional() }).optional(),
});

export const Product = z.looseObject({
	id: Id,
	title: z.string().default(""),
	/** DRAFT | PENDING | FAILED | ACTIVATE | SELLER_DEACTIVATED | PLATFORM_DEACTIVATED | FREEZE | DELETED */
	status: z.string(),
	product_status: z.string().optional(),
	audit: Audit.optional(),
	audit_failed_reasons: z
		.array(
			z.looseObject({
				position: z.string().optional(),
				reasons: z.array(z.string()).default([]),
				suggestions: z.array(z.string()).default([]),
			}),
		)
		.default([]),
	skus: z.array(ProductSku).default([]),
	external_product_id: Id.optional(),
	create_time: z.number().optional(),
	update_time: z.number().optional(),
	recommended_categories: z.array(z.looseObject({ id: Id, local_name: z.string().default("") })).default([]),
});
export type TikTokProduct = z.infer<typeof Product>;

export const SearchResult = z.object({
	products: z
		.array(
			z.looseObject({
				id: Id,
				title: z.string().default(""),
				status: z.string().default(""),
				skus: z.array(ProductSku).default([]),
				create_time: z.number().optional(),
				update_time: z.number().optional(),
			}),
		)
		.default([]),
	next_page_token: z.string().default(""),
	total_count: z.number().default(0),
});
export type ProductSearchResult = z.infer<typeof SearchResult>;
export type ProductSummary = ProductSearchResult["products"][number];

export const EditedProduct = z.looseObject({
	product_id: Id.optional(),
	skus: z.array(z.looseObject({ id: Id, seller_sku: z.string().default(""), external_sku_id: Id.optional() })).default([]),
	warnings: Warnings.default([]),
	audit: Audit.optional(),
});
export type EditedProduct = z.infer<typeof EditedProduct>;

/** Per-item failures of activate / deactivate / delete. */
export const BulkResult = z.looseObject({
	errors: z
		.array(
			z.looseObject({
				code: z.number().optional(),
				message: z.string().default(""),
				detail: z
					.looseObject({
						product_id: Id.optional(),
						extra_errors: z.array(z.looseObject({ code: z.number().optional(), message: z.string().default("") })).optional(),
					})
					.optional(),
			}),
		)
		.default([]),
});
export type BulkResult = z.infer<typeof BulkResult>;
