/**
 * `products/create` and `products/update` webhook payload (REST Product) → CatalogProduct.
 *
 * - Ids come from `admin_graphql_api_id`; the body must have been parsed with
 *   `parseJsonKeepingBigIds`, so nested numeric ids (inventory items, images) are exact.
 * - Since API 2024-07 webhook variants carry no weight, and payloads never carry
 *   collections: upsert with `WEBHOOK_KEEPS` so the repository keeps the stored
 *   weight of a variant whose inventory item is unchanged (weights arrive through
 *   `inventory_items/update` and the GraphQL import) and the stored collections.
 * - Only the first 100 variants are sent; `variant_gids` lists them all, so a
 *   longer `variant_gids` marks the product `variantsIncomplete`.
 * @see https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics-products/update
 */
import { z } from "zod";
import type { CatalogImage, CatalogProduct, CatalogVariant, UpsertOptions } from "../../catalog";
import { decimalText, NO_WEIGHT, splitTags, timestampMs, weightFrom } from "./common";
import { idText, legacyIdFromGid, taxonomyIdFromGid } from "./ids";

const idLike = z.union([z.string(), z.number()]).nullish();

const RestVariant = z.object({
	admin_graphql_api_id: z.string(),
	title: z.string().nullish(),
	sku: z.string().nullish(),
	barcode: z.string().nullish(),
	price: z.union([z.string(), z.number()]).nullish(),
	compare_at_price: z.union([z.string(), z.number()]).nullish(),
	inventory_quantity: z.number().nullish(),
	inventory_item_id: idLike,
	option1: z.string().nullish(),
	option2: z.string().nullish(),
	option3: z.string().nullish(),
	position: z.number().nullish(),
	image_id: idLike,
	// Present only in payloads of API versions before 2024-07.
	weight: z.number().nullish(),
	weight_unit: z.string().nullish(),
});

const RestImage = z.object({
	id: idLike,
	src: z.string(),
	width: z.number().nullish(),
	height: z.number().nullish(),
	alt: z.string().nullish(),
});

const RestMedia = z.object({
	media_content_type: z.string().nullish(),
	alt: z.string().nullish(),
	preview_image: z.object({ src: z.string(), width: z.number().nullish(), height: z.number().nullish() }).nullish(),
});

export const RestProduct = z.object({
	admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/Product\/\d+$/, "must be a Product GID"),
	title: z.string(),
	body_html: z.string().nullish(),
	handle: z.string().nullish(),
	vendor: z.string().nullish(),
	product_type: z.string().nullish(),
	status: z.string(),
	tags: z.union([z.string(), z.array(z.string())]).nullish(),
	updated_at: z.string().refine((value) => timestampMs(value) !== null, "must be an ISO 8601 timestamp"),
	variants: z.array(RestVariant).default([]),
	options: z.array(z.object({ name: z.string(), values: z.array(z.string()).default([]) })).nullish(),
	images: z.array(RestImage).nullish(),
	media: z.array(RestMedia).nullish(),
	variant_gids: z.array(z.object({ admin_graphql_api_id: z.string() })).nullish(),
	category: z.object({ admin_graphql_api_id: z.string().nullish(), name: z.string().nullish(), full_name: z.string().nullish() }).nullish(),
});

export type RestProduct = z.infer<typeof RestProduct>;

function images(payload: RestProduct): CatalogImage[] {
	if (payload.images?.length) {
		return payload.images.map((image) => ({
			src: image.src,
			width: image.width ?? null,
			height: image.height ?? null,
			alt: image.alt ?? null,
		}));
	}
	// Newer payloads may carry media only; keep the images among them.
	return (payload.media ?? [])
		.filter((m) => m.preview_image && (m.media_content_type ?? "IMAGE").toUpperCase() === "IMAGE")
		.map((m) => ({
			src: m.preview_image!.src,
			width: m.preview_image!.width ?? null,
			height: m.preview_image!.height ?? null,
			alt: m.alt ?? null,
		}));
}

function variant(v: z.infer<typeof RestVariant>, index: number, imageSrcById: Map<string, string>): CatalogVariant {
	const id = legacyIdFromGid(v.admin_graphql_api_id, "ProductVariant") ?? v.admin_graphql_api_id;
	const imageId = idText(v.image_id);
	return {
		id,
		gid: v.admin_graphql_api_id,
		title: v.title ?? null,
		sku: v.sku || null,
		barcode: v.barcode || null,
		price: decimalText(v.price) ?? "0",
		compareAtPrice: decimalText(v.compare_at_price),
		inventoryQuantity: v.inventory_quantity ?? 0,
		inventoryItemId: idText(v.inventory_item_id),
		...(v.weight != null ? weightFrom(v.weight, v.weight_unit) : NO_WEIGHT),
		option1: v.option1 ?? null,
		option2: v.option2 ?? null,
		option3: v.option3 ?? null,
		position: v.position ?? index + 1,
		imageSrc: imageId ? (imageSrcById.get(imageId) ?? null) : null,
	};
}

/** What a webhook payload cannot tell, so the stored value stands. */
export const WEBHOOK_KEEPS: UpsertOptions = { keepStoredWeights: true, keepStoredCollections: true };

export function productFromWebhook(payload: RestProduct): CatalogProduct {
	const gid = payload.admin_graphql_api_id;
	const imageSrcById = new Map<string, string>();
	for (const image of payload.images ?? []) {
		const id = idText(image.id);
		if (id) imageSrcById.set(id, image.src);
	}
	const variants = payload.variants.map((v, i) => variant(v, i, imageSrcById));
	const category = payload.category ?? null;
	return {
		id: legacyIdFromGid(gid, "Product")!,
		gid,
		title: payload.title,
		bodyHtml: payload.body_html ?? null,
		vendor: payload.vendor || null,
		productType: payload.product_type || null,
		handle: payload.handle ?? null,
		status: payload.status.toLowerCase(),
		tags: splitTags(payload.tags),
		categoryId: taxonomyIdFromGid(category?.admin_graphql_api_id),
		categoryName: category?.name ?? null,
		categoryFullName: category?.full_name ?? null,
		collectionIds: [],
		options: (payload.options ?? []).map((o) => ({ name: o.name, values: o.values })),
		images: images(payload),
		shopifyUpdatedAt: timestampMs(payload.updated_at)!,
		variants,
		variantsIncomplete: (payload.variant_gids?.length ?? 0) > variants.length,
	};
}
