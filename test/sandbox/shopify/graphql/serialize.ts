/**
 * Stored sandbox objects → Admin GraphQL objects, always in full (the sandbox
 * ignores selection sets). Money is a decimal string, ids are GIDs plus
 * `legacyResourceId`, weight lives on `inventoryItem.measurement.weight`, and every
 * connection has `nodes` and `pageInfo` (plus `edges` when the query asked for them).
 * @see https://shopify.dev/docs/api/admin-graphql/latest/objects/Product
 */
import { gid } from "../catalog/ids";
import type { SandboxCollection, SandboxImage, SandboxProduct, SandboxVariant, ShopInfo } from "../catalog/types";
import { CDN_PLACEHOLDER } from "../catalog/types";

export type RenderContext = { origin: string; withEdges: boolean; collections: Map<number, SandboxCollection> };

export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export const imageUrl = (origin: string, image: SandboxImage) => `${origin}/cdn/images/${image.name}.png`;

export function connection<T>(ctx: RenderContext, nodes: T[], cursors: string[], hasNextPage: boolean, hasPreviousPage = false) {
	return {
		...(ctx.withEdges ? { edges: nodes.map((node, i) => ({ cursor: cursors[i], node })) } : {}),
		nodes,
		pageInfo: { hasNextPage, hasPreviousPage, startCursor: cursors[0] ?? null, endCursor: cursors[cursors.length - 1] ?? null },
	};
}

export const variantCursor = (position: number) => btoa(JSON.stringify({ last_position: position }));

export function variantPosition(cursor: unknown): number {
	try {
		return typeof cursor === "string" && cursor ? Number(JSON.parse(atob(cursor)).last_position) || 0 : 0;
	} catch {
		return 0;
	}
}

function imageObject(origin: string, image: SandboxImage) {
	return {
		id: gid("ProductImage", image.id),
		url: imageUrl(origin, image),
		src: imageUrl(origin, image),
		altText: image.alt,
		width: image.width,
		height: image.height,
	};
}

export function variantNode(ctx: RenderContext, product: SandboxProduct, v: SandboxVariant) {
	const image = v.imageIndex !== null ? product.images[v.imageIndex] : undefined;
	return {
		__typename: "ProductVariant",
		id: gid("ProductVariant", v.id),
		legacyResourceId: String(v.id),
		title: v.title,
		displayName: `${product.title} - ${v.title}`,
		sku: v.sku,
		barcode: v.barcode,
		price: v.price,
		compareAtPrice: v.compareAtPrice,
		inventoryQuantity: v.inventoryQuantity,
		availableForSale: v.inventoryQuantity > 0,
		taxable: true,
		inventoryPolicy: "DENY",
		position: v.position,
		selectedOptions: product.options.map((o, i) => ({ name: o.name, value: v.options[i] })),
		image: image ? imageObject(ctx.origin, image) : null,
		inventoryItem: {
			id: gid("InventoryItem", v.inventoryItemId),
			legacyResourceId: String(v.inventoryItemId),
			sku: v.sku,
			tracked: true,
			requiresShipping: true,
			measurement: {
				id: gid("InventoryItemMeasurement", v.inventoryItemId),
				weight: v.weight ? { value: v.weight.value, unit: v.weight.unit } : null,
			},
		},
		product: { id: gid("Product", product.id) },
		createdAt: isoSeconds(v.createdAtMs),
		updatedAt: isoSeconds(v.updatedAtMs),
	};
}

export type VariantWindow = { first: number; afterPosition: number };

export function productNode(ctx: RenderContext, p: SandboxProduct, window: VariantWindow) {
	const remaining = p.variants.filter((v) => v.position > window.afterPosition);
	const page = remaining.slice(0, window.first);
	const media = p.images.map((image) => ({
		__typename: "MediaImage",
		id: gid("MediaImage", image.id),
		mediaContentType: "IMAGE",
		alt: image.alt,
		status: "READY",
		image: imageObject(ctx.origin, image),
		preview: { image: imageObject(ctx.origin, image), status: "READY" },
	}));
	const collections = p.collectionIds.map((id) => ctx.collections.get(id)).filter((c): c is SandboxCollection => !!c);
	return {
		__typename: "Product",
		id: gid("Product", p.id),
		legacyResourceId: String(p.id),
		title: p.title,
		handle: p.handle,
		descriptionHtml: p.descriptionHtml.split(CDN_PLACEHOLDER).join(ctx.origin),
		vendor: p.vendor,
		productType: p.productType,
		tags: p.tags,
		status: p.status,
		createdAt: isoSeconds(p.createdAtMs),
		updatedAt: isoSeconds(p.updatedAtMs),
		publishedAt: p.publishedAtMs === null ? null : isoSeconds(p.publishedAtMs),
		onlineStoreUrl: null,
		category: p.category ? { ...p.category } : null,
		collections: connection(
			ctx,
			collections.map((c) => ({ id: gid("Collection", c.id), title: c.title, handle: c.handle })),
			collections.map((c) => btoa(String(c.id))),
			false,
		),
		options: p.options.map((o, i) => ({
			id: gid("ProductOption", o.id),
			name: o.name,
			position: i + 1,
			values: o.values,
			optionValues: o.values.map((name) => ({ name, hasVariants: true })),
		})),
		media: connection(
			ctx,
			media,
			media.map((m) => btoa(m.id)),
			false,
		),
		images: connection(
			ctx,
			p.images.map((image) => imageObject(ctx.origin, image)),
			p.images.map((image) => btoa(String(image.id))),
			false,
		),
		featuredImage: p.images[0] ? imageObject(ctx.origin, p.images[0]) : null,
		totalInventory: p.variants.reduce((sum, v) => sum + v.inventoryQuantity, 0),
		hasOnlyDefaultVariant: p.variants.length === 1 && p.variants[0].title === "Default Title",
		variantsCount: { count: p.variants.length, precision: "EXACT" },
		variants: connection(
			ctx,
			page.map((v) => variantNode(ctx, p, v)),
			page.map((v) => variantCursor(v.position)),
			remaining.length > page.length,
			window.afterPosition > 0,
		),
	};
}

export function shopNode(info: ShopInfo) {
	return {
		id: gid("Shop", info.id),
		name: info.name,
		email: info.email,
		contactEmail: info.email,
		myshopifyDomain: info.shop,
		primaryDomain: { host: info.shop, url: `https://${info.shop}` },
		url: `https://${info.shop}`,
		currencyCode: info.currencyCode,
		weightUnit: info.weightUnit,
		ianaTimezone: "America/New_York",
		plan: { displayName: "Basic", partnerDevelopment: true, shopifyPlus: false },
		createdAt: isoSeconds(info.createdAtMs),
	};
}
