/**
 * Runs every Create Product check in TikTok's order and builds the normalised
 * product. Create answers with the first failure; listing_check with all of them.
 * Edits run the same checks (inventory may be 0, the product's own external id
 * and identifier codes do not count as duplicates).
 * @see https://partner.tiktokshop.com/docv2/page/create-product-202309
 */
import { BRANDS } from "../../catalog/brands.ts";
import { leafAttributes, leafRules } from "../../catalog/data.ts";
import type { SellerContext } from "../../seller/context.ts";
import { externalIdTaken, type ProductDoc } from "../model.ts";
import { type DraftAttribute, checkProductAttributes } from "./attributes.ts";
import { type CategoryCheck, checkCategory } from "./category.ts";
import { Checker, type Failure, str } from "./checker.ts";
import { checkCertifications, checkCod, checkSizeChart } from "./compliance.ts";
import { checkDescription, checkTitle } from "./content.ts";
import { checkMainImages } from "./images.ts";
import { checkPackage } from "./package.ts";
import { type DraftSku, checkSkus } from "./skus.ts";

export type Draft = {
	category: CategoryCheck;
	title: string;
	description: string;
	brand?: { id: string; name: string };
	main_images: { uri: string }[];
	skus: DraftSku[];
	product_attributes: DraftAttribute[];
	package_weight: ProductDoc["package_weight"];
	package_dimensions?: ProductDoc["package_dimensions"];
	certifications: ProductDoc["certifications"];
	size_chart?: ProductDoc["size_chart"];
	is_cod_allowed: boolean;
	external_product_id?: string;
	warnings: { message: string }[];
};

export type Validation = { failures: Failure[]; draft?: Draft };

export function validateProduct(
	body: Record<string, unknown>,
	ctx: SellerContext,
	opts: { productId?: string; edit: boolean },
): Validation {
	const c = new Checker();
	const warnings: { message: string }[] = [];
	const category = checkCategory(body, ctx.seller.region, c);
	if (!category) return { failures: c.failures };
	const leaf = leafAttributes(category.category.id);
	const rules = leafRules(category.category.id);
	if (!rules) return { failures: [{ code: 12052025, message: "The category is invalid" }] };

	const title = checkTitle(body, ctx, c);
	const description = checkDescription(body, ctx, c);
	const main_images = checkMainImages(body, ctx, c);
	const pack = checkPackage(body, ctx, c, rules.package_dimension);
	const skus = checkSkus(body, ctx, c, leaf, { minQuantity: opts.edit ? 0 : 1, productId: opts.productId });
	const { attributes, chosen } = checkProductAttributes(body, c, leaf, warnings);
	const certifications = checkCertifications(body, ctx, c, rules, chosen);
	const size_chart = checkSizeChart(body, ctx, c, rules, warnings);
	const is_cod_allowed = checkCod(body, c, rules);

	const brandId = str(body.brand_id);
	const brand = brandId ? BRANDS.find((b) => b.id === brandId) : undefined;
	if (brandId && !brand) {
		warnings.push({
			message: `The [brand_id]:${brandId} field is incorrect and has been automatically cleared by the system. Reason: [Brand does not exist]. You can edit it later.`,
		});
	}
	const externalId = str(body.external_product_id);
	if (externalId !== undefined && externalId.length > 999) c.fail(12052369);
	else if (externalId && externalIdTaken(ctx.sql, externalId, opts.productId)) c.fail(12052996);
	const idempotencyKey = body.idempotency_key;
	if (idempotencyKey !== undefined && (typeof idempotencyKey !== "string" || idempotencyKey.length > 128))
		c.fail(36009004, "(idempotency_key)");

	if (!c.ok) return { failures: c.failures };
	return {
		failures: [],
		draft: {
			category,
			title,
			description,
			...(brand ? { brand: { id: brand.id, name: brand.name } } : {}),
			main_images,
			skus,
			product_attributes: attributes,
			package_weight: pack.weight,
			...(pack.dimensions ? { package_dimensions: pack.dimensions } : {}),
			certifications,
			...(size_chart ? { size_chart } : {}),
			is_cod_allowed,
			...(externalId ? { external_product_id: externalId } : {}),
			warnings,
		},
	};
}
