/**
 * Admin GraphQL `Product` node (the import's and the completion job's query,
 * admin/queries.ts) → CatalogProduct.
 *
 * - Ids from `legacyResourceId` (an UnsignedInt64 serialised as a string) or the GID.
 * - Weight from `inventoryItem.measurement.weight` (GRAMS | KILOGRAMS | POUNDS | OUNCES),
 *   the only place Shopify keeps it since 2024-07; normalised to grams.
 * - `option1..3` follow the product's option order, matched by name from `selectedOptions`.
 * - `variants.pageInfo.hasNextPage` marks the product `variantsIncomplete`; the
 *   `product.complete` job pages the rest.
 * @see https://shopify.dev/docs/api/admin-graphql/latest/objects/Product
 */
import { z } from "zod";
import type { CatalogProduct, CatalogVariant } from "../../catalog";
import { decimalText, NO_WEIGHT, splitTags, timestampMs, weightFrom } from "./common";
import { legacyIdFromGid, taxonomyIdFromGid } from "./ids";

const PageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });

export const GraphqlVariant = z.object({
	id: z.string(),
	legacyResourceId: z.union([z.string(), z.number()]).nullish(),
	title: z.string().nullish(),
	sku: z.string().nullish(),
	barcode: z.string().nullish(),
	price: z.union([z.string(), z.number()]).nullish(),
	compareAtPrice: z.union([z.string(), z.number()]).nullish(),
	inventoryQuantity: z.number().nullish(),
	selectedOptions: z.array(z.object({ name: z.string(), value: z.string() })).nullish(),
	position: z.number().nullish(),
	image: z.object({ url: z.string() }).nullish(),
	inventoryItem: z
		.object({
			id: z.string(),
			measurement: z.object({ weight: z.object({ value: z.number(), unit: z.string() }).nullish() }).nullish(),
		})
		.nullish(),
});

export type GraphqlVariant = z.infer<typeof GraphqlVariant>;

export const VariantConnection = z.object({ pageInfo: PageInfo, nodes: z.array(GraphqlVariant) });

export const GraphqlProduct = z.object({
	id: z.string().regex(/^gid:\/\/shopify\/Product\/\d+$/),
	legacyResourceId: z.union([z.string(), z.number()]).nullish(),
	title: z.string(),
	handle: z.string().nullish(),
	descriptionHtml: z.string().nullish(),
	vendor: z.string().nullish(),
	productType: z.string().nullish(),
	tags: z.array(z.string()).nullish(),
	status: z.string(),
	updatedAt: z.string().refine((value) => timestampMs(value) !== null),
	category: z.object({ id: z.string(), name: z.string().nullish(), fullName: z.string().nullish() }).nullish(),
	collections: z.object({ nodes: z.array(z.object({ id: z.string() })) }).nullish(),
	options: z.array(z.object({ name: z.string(), optionValues: z.array(z.object({ name: z.string() })).nullish() })).nullish(),
	media: z
		.object({
			nodes: z.array(
				z.object({
					image: z
						.object({ url: z.string(), altText: z.string().nullish(), width: z.number().nullish(), height: z.number().nullish() })
						.nullish(),
				}),
			),
		})
		.nullish(),
	variants: VariantConnection,
});

export type GraphqlProduct = z.infer<typeof GraphqlProduct>;

const legacyId = (legacy: string | number | null | undefined, gid: string, type: string) =>
	(typeof legacy === "string" && /^\d+$/.test(legacy) ? legacy : null) ?? legacyIdFromGid(gid, type) ?? gid;

export function variantFromGraphql(v: GraphqlVariant, optionNames: string[], index: number): CatalogVariant {
	const weight = v.inventoryItem?.measurement?.weight;
	const optionValue = (position: number) => {
		const name = optionNames[position];
		return (name && v.selectedOptions?.find((o) => o.name === name)?.value) ?? v.selectedOptions?.[position]?.value ?? null;
	};
	return {
		id: legacyId(v.legacyResourceId, v.id, "ProductVariant"),
		gid: v.id,
		title: v.title ?? null,
		sku: v.sku || null,
		barcode: v.barcode || null,
		price: decimalText(v.price) ?? "0",
		compareAtPrice: decimalText(v.compareAtPrice),
		inventoryQuantity: v.inventoryQuantity ?? 0,
		inventoryItemId: legacyIdFromGid(v.inventoryItem?.id, "InventoryItem"),
		...(weight ? weightFrom(weight.value, weight.unit) : NO_WEIGHT),
		option1: optionValue(0),
		option2: optionValue(1),
		option3: optionValue(2),
		position: v.position ?? index + 1,
		imageSrc: v.image?.url ?? null,
	};
}

export function productFromGraphql(node: GraphqlProduct): CatalogProduct {
	const options = (node.options ?? []).map((o) => ({ name: o.name, values: (o.optionValues ?? []).map((v) => v.name) }));
	const optionNames = options.map((o) => o.name);
	return {
		id: legacyId(node.legacyResourceId, node.id, "Product"),
		gid: node.id,
		title: node.title,
		bodyHtml: node.descriptionHtml ?? null,
		vendor: node.vendor || null,
		productType: node.productType || null,
		handle: node.handle ?? null,
		status: node.status.toLowerCase(),
		tags: splitTags(node.tags),
		categoryId: taxonomyIdFromGid(node.category?.id),
		categoryName: node.category?.name ?? null,
		categoryFullName: node.category?.fullName ?? null,
		collectionIds: (node.collections?.nodes ?? []).map((c) => legacyIdFromGid(c.id, "Collection") ?? c.id),
		options,
		images: (node.media?.nodes ?? [])
			.filter((m) => m.image)
			.map((m) => ({ src: m.image!.url, width: m.image!.width ?? null, height: m.image!.height ?? null, alt: m.image!.altText ?? null })),
		shopifyUpdatedAt: timestampMs(node.updatedAt)!,
		variants: node.variants.nodes.map((v, i) => variantFromGraphql(v, optionNames, i)),
		variantsIncomplete: node.variants.pageInfo.hasNextPage,
	};
}
