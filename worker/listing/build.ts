/**
 * Product + template + category -> the TikTok Create Product body, or every
 * reason it would be refused. The same function serves readiness (with
 * placeholder images), the manual sync form and the sync engine, so what the
 * merchant is told before syncing is what the sync does.
 */
import type { CatalogProduct } from "../catalog";
import type { CategorySpec, HostedImage, ListingBody } from "../tiktok";
import { buildAttributes } from "./attributes";
import type { ListingConfig } from "./config";
import { cleanDescription, descriptionImageSources, MAX_DESCRIPTION_CHARS } from "./description";
import { packageProblems, productProblems } from "./product-problems";
import type { Problem } from "./problems";
import { buildSkus } from "./skus";
import { cleanText } from "./text";
import { packageWeight } from "./weight";

export const MAX_MAIN_IMAGES = 9;
const LONG_TITLE_REGIONS = new Set(["BR", "MX"]);
const SHORT_TITLE_OK_REGIONS = new Set(["US", "GB", "UK", "DE", "ES", "FR", "IE", "IT", "JP", "BR", "MX"]);

export type ImageUseCase = "MAIN_IMAGE" | "DESCRIPTION_IMAGE";
export type ShopContext = { region: string; currency: string; warehouseId: string | null };

export type ListingInput = {
	product: CatalogProduct;
	config: ListingConfig;
	category: CategorySpec | null;
	shop: ShopContext;
	/** The TikTok-hosted copy of a source image, if uploaded. */
	hosted: (src: string, useCase: ImageUseCase) => HostedImage | undefined;
};

export type Listing = { body: ListingBody; sellerSkus: Record<string, string>; skippedVariants: string[]; weightSource: string };
export type ListingResult = { ok: true; listing: Listing } | { ok: false; problems: Problem[] };

/** Every image a listing of this product needs, to upload before building. */
export async function listingImageSources(
	product: CatalogProduct,
	config: ListingConfig,
): Promise<{ src: string; useCase: ImageUseCase }[]> {
	const main = product.images.slice(0, MAX_MAIN_IMAGES).map((image) => ({ src: image.src, useCase: "MAIN_IMAGE" as const }));
	const html = `${product.bodyHtml ?? ""}${config.extra.descriptionFooter}`;
	const description = (await descriptionImageSources(html)).map((src) => ({ src, useCase: "DESCRIPTION_IMAGE" as const }));
	return [...main, ...description];
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

function titleProblems(title: string, region: string): Problem[] {
	const max = LONG_TITLE_REGIONS.has(region) ? 300 : 255;
	const min = SHORT_TITLE_OK_REGIONS.has(region) ? 1 : 25;
	if (title.length > max)
		return [
			{
				code: "TITLE_TOO_LONG",
				message: `The title has ${title.length} characters; TikTok allows ${max}.`,
				fix: "Shorten the title in Shopify or the template's prefix/suffix.",
			},
		];
	if (title.length < min)
		return [
			{
				code: "TITLE_TOO_SHORT",
				message: `The title has ${title.length} characters; TikTok needs at least ${min} in this region.`,
				fix: "Lengthen the title in Shopify or add a template title suffix.",
			},
		];
	return [];
}

function categoryProblems(category: CategorySpec | null): Problem[] {
	if (!category)
		return [
			{ code: "NO_CATEGORY", message: "The template has no TikTok category.", fix: "Pick a category in the template.", field: "category" },
		];
	if (!category.isLeaf)
		return [
			{
				code: "CATEGORY_NOT_LEAF",
				message: "The template's category is not a leaf category.",
				fix: "Pick a more specific category.",
				field: "category",
			},
		];
	const blocked = category.permissionStatuses.find((s) => s === "PROHIBITED" || s === "NON_MAIN_CATEGORY");
	if (blocked) {
		return [
			{
				code: "CATEGORY_NOT_PERMITTED",
				message: `The category is ${blocked === "PROHIBITED" ? "prohibited" : "outside your shop's main category"}.`,
				fix: "Pick another category, or ask TikTok for access.",
				field: "category",
			},
		];
	}
	return [];
}

function hostedMainImages(input: ListingInput): { images: HostedImage[]; problems: Problem[] } {
	const images = input.product.images
		.slice(0, MAX_MAIN_IMAGES)
		.map((image) => input.hosted(image.src, "MAIN_IMAGE"))
		.filter((image): image is HostedImage => !!image);
	if (images.length) return { images, problems: [] };
	const problem: Problem = {
		code: "NO_IMAGES",
		message: "The product has no usable image.",
		fix: "Add at least one image (300×300 px or larger) in Shopify.",
	};
	return { images, problems: [problem] };
}

export async function buildListing(input: ListingInput): Promise<ListingResult> {
	const { product, config, category, shop } = input;
	const problems: Problem[] = [...categoryProblems(category), ...productProblems(product, shop)];
	const title = cleanText(`${config.extra.titlePrefix}${product.title}${config.extra.titleSuffix}`);
	problems.push(...titleProblems(title, shop.region));
	const { images: mainImages, problems: imageProblems } = hostedMainImages(input);
	problems.push(...imageProblems);
	const weight = packageWeight(product, config.shipping);
	if (!weight.ok) problems.push(weight.problem);
	const dims = config.shipping.dimensions;
	problems.push(...packageProblems(category, config));

	const salesAttributes = (category?.attributes ?? []).filter((a) => a.type === "SALES_PROPERTY");
	const skus = buildSkus(product, { region: shop.region, currency: shop.currency, warehouseId: shop.warehouseId ?? "", salesAttributes });
	if (!skus.ok) problems.push(...skus.problems);
	const attributes = buildAttributes(
		product,
		config.attributes,
		config.certifications,
		category?.attributes ?? [],
		category?.rules.product_certifications ?? [],
	);
	problems.push(...attributes.problems);

	const rawDescription = `${product.bodyHtml ?? ""}${config.extra.descriptionFooter}`;
	let description = await cleanDescription(rawDescription, (src) => input.hosted(src, "DESCRIPTION_IMAGE"));
	if (!description.replace(/<[^>]*>/g, "").trim() && !description.includes("<img")) description = `<p>${escapeHtml(product.title)}</p>`;
	if (description.length > MAX_DESCRIPTION_CHARS) {
		problems.push({
			code: "DESCRIPTION_TOO_LONG",
			message: `The description has ${description.length} characters after cleaning; TikTok allows ${MAX_DESCRIPTION_CHARS}.`,
			fix: "Shorten the description in Shopify.",
		});
	}

	if (problems.length || !category || !weight.ok || !skus.ok) return { ok: false, problems };

	const body: ListingBody = {
		title,
		description,
		category_id: category.id,
		category_version: category.version,
		main_images: mainImages.map((image) => ({ uri: image.uri })),
		skus: skus.skus,
		package_weight: { value: weight.weight.value, unit: weight.weight.unit },
		external_product_id: product.gid,
	};
	if (dims)
		body.package_dimensions = { length: String(dims.length), width: String(dims.width), height: String(dims.height), unit: dims.unit };
	if (attributes.productAttributes.length) body.product_attributes = attributes.productAttributes;
	if (attributes.certifications.length) body.certifications = attributes.certifications;
	if (config.extra.brandId) body.brand_id = config.extra.brandId;
	if (config.extra.sizeChart)
		body.size_chart =
			"imageUri" in config.extra.sizeChart
				? { image: { uri: config.extra.sizeChart.imageUri } }
				: { template: { id: config.extra.sizeChart.templateId } };
	if (config.extra.isCodAllowed && category.rules.cod?.is_supported) body.is_cod_allowed = true;
	return { ok: true, listing: { body, sellerSkus: skus.sellerSkus, skippedVariants: skus.skipped, weightSource: weight.weight.source } };
}
