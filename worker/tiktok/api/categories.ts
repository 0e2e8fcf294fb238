/**
 * Category reference data: the tree, a recommended leaf for a title, a leaf's attributes
 * and rules, and brands. US shops must use `category_version=v2`; `categoryVersion()`
 * fills it in from the shop's region.
 * @see https://partner.tiktokshop.com/docv2/page/get-categories-202309
 * @see https://partner.tiktokshop.com/docv2/page/get-attributes-202309
 * @see https://partner.tiktokshop.com/docv2/page/get-category-rules-202309
 */
import { z } from "zod";
import { sendTikTok } from "../transport";
import { type CallContext, type CategoryVersion, categoryVersion, Id, StringList } from "./context";

type TreeOptions = { locale?: string; categoryVersion?: CategoryVersion };

const PermissionStatuses = z.array(z.string()).default([]);

const Categories = z.object({
	categories: z
		.array(
			z.looseObject({
				id: Id,
				parent_id: Id.default("0"),
				local_name: z.string().default(""),
				is_leaf: z.boolean().default(false),
				permission_statuses: PermissionStatuses,
			}),
		)
		.default([]),
});
export type TikTokCategory = z.infer<typeof Categories>["categories"][number];

export function getCategories(ctx: CallContext, options: TreeOptions & { keyword?: string } = {}) {
	const query = { locale: options.locale, keyword: options.keyword, category_version: categoryVersion(ctx, options.categoryVersion) };
	return sendTikTok(ctx.app, ctx.session, { method: "GET", path: "/product/202309/categories", query, schema: Categories });
}

const Recommended = z.object({
	leaf_category_id: Id,
	categories: z
		.array(
			z.looseObject({
				id: Id,
				name: z.string().default(""),
				level: z.number().optional(),
				is_leaf: z.boolean().default(false),
				permission_statuses: PermissionStatuses,
			}),
		)
		.default([]),
});
export type RecommendedCategory = z.infer<typeof Recommended>;

export type RecommendCategoryInput = {
	productTitle: string;
	description?: string;
	images?: { uri: string }[];
	categoryVersion?: CategoryVersion;
};

export function recommendCategory(ctx: CallContext, input: RecommendCategoryInput) {
	const json = {
		product_title: input.productTitle,
		description: input.description,
		images: input.images,
		category_version: categoryVersion(ctx, input.categoryVersion),
	};
	return sendTikTok(ctx.app, ctx.session, {
		method: "POST",
		path: "/product/202309/categories/recommend",
		json,
		schema: Recommended,
		readOnly: true,
	});
}

const RequirementCondition = z.looseObject({ condition_type: z.string(), attribute_id: Id.optional(), attribute_value_id: Id.optional() });

const Attributes = z.object({
	attributes: z
		.array(
			z.looseObject({
				id: Id,
				name: z.string().default(""),
				type: z.string(),
				/** Misspelled by TikTok; kept as sent. */
				is_requried: z.boolean().default(false),
				is_customizable: z.boolean().default(false),
				is_multiple_selection: z.boolean().default(false),
				values: z.array(z.looseObject({ id: Id, name: z.string().default("") })).default([]),
				value_data_format: z.string().optional(),
				requirement_conditions: z.array(RequirementCondition).default([]),
			}),
		)
		.default([]),
});
export type TikTokAttribute = z.infer<typeof Attributes>["attributes"][number];

export function getCategoryAttributes(ctx: CallContext, categoryId: string, options: TreeOptions = {}) {
	const query = { locale: options.locale, category_version: categoryVersion(ctx, options.categoryVersion) };
	return sendTikTok(ctx.app, ctx.session, {
		method: "GET",
		path: `/product/202309/categories/${encodeURIComponent(categoryId)}/attributes`,
		query,
		schema: Attributes,
	});
}

const Flag = z.looseObject({ is_required: z.boolean().default(false) }).optional();

const Rules = z.looseObject({
	package_dimension: Flag,
	size_chart: z.looseObject({ is_supported: z.boolean().default(false), is_required: z.boolean().default(false) }).optional(),
	product_certifications: z
		.array(
			z.looseObject({
				id: Id,
				name: z.string().default(""),
				is_required: z.boolean().default(false),
				sample_image_url: z.string().optional(),
				expiration_date: Flag,
				requirement_conditions: z.array(RequirementCondition).default([]),
			}),
		)
		.default([]),
	cod: z.looseObject({ is_supported: z.boolean().default(false) }).optional(),
	epr: Flag,
	manufacturer: Flag,
	responsible_person: Flag,
	/** A string in TikTok's sample, an array in the SDK: always an array here. */
	allowed_special_product_types: StringList.optional(),
});
export type TikTokCategoryRules = z.infer<typeof Rules>;

export function getCategoryRules(ctx: CallContext, categoryId: string, options: TreeOptions = {}) {
	const query = { locale: options.locale, category_version: categoryVersion(ctx, options.categoryVersion) };
	return sendTikTok(ctx.app, ctx.session, {
		method: "GET",
		path: `/product/202309/categories/${encodeURIComponent(categoryId)}/rules`,
		query,
		schema: Rules,
	});
}

const Brands = z.object({
	brands: z
		.array(
			z.looseObject({
				id: Id,
				name: z.string().default(""),
				authorized_status: z.string().optional(),
				brand_status: z.string().optional(),
				is_t1_brand: z.boolean().optional(),
			}),
		)
		.default([]),
	next_page_token: z.string().optional(),
	total_count: z.number().optional(),
});
export type TikTokBrand = z.infer<typeof Brands>["brands"][number];

export type BrandQuery = {
	categoryId?: string;
	brandName?: string;
	isAuthorized?: boolean;
	pageSize?: number;
	pageToken?: string;
	categoryVersion?: CategoryVersion;
};

export function getBrands(ctx: CallContext, options: BrandQuery = {}) {
	const query = {
		page_size: options.pageSize ?? 100,
		page_token: options.pageToken,
		category_id: options.categoryId,
		brand_name: options.brandName,
		is_authorized: options.isAuthorized,
		category_version: categoryVersion(ctx, options.categoryVersion),
	};
	return sendTikTok(ctx.app, ctx.session, { method: "GET", path: "/product/202309/brands", query, schema: Brands });
}
