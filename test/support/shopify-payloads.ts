/**
 * REST webhook payloads shaped like Shopify's documented sample (shopify.md §2.2),
 * for webhook tests. Numeric ids are BigInts written as bare JSON numbers, as
 * Shopify does, so ids above 2^53 reach the Worker exactly as in production.
 */
export type RestVariantInput = {
	id: bigint;
	title?: string;
	price?: string;
	sku?: string | null;
	inventoryItemId?: bigint | null;
	inventoryQuantity?: number;
	position?: number;
};

export type RestProductInput = {
	id: bigint;
	title?: string;
	updatedAt: string;
	tags?: string;
	status?: string;
	variants?: RestVariantInput[];
	/** Extra variant GIDs beyond the variants sent (a payload cut at 100 variants). */
	extraVariantGids?: bigint[];
};

/** A products/create|update body shaped like Shopify's documented sample (2025-01 … 2026-04). */
export function restProductPayload(input: RestProductInput): Record<string, unknown> {
	const variants = (input.variants ?? [{ id: input.id * 10n + 1n }]).map((v, i) => ({
		admin_graphql_api_id: `gid://shopify/ProductVariant/${v.id}`,
		id: v.id,
		product_id: input.id,
		title: v.title ?? `Small ${i}`,
		option1: v.title ?? `Small ${i}`,
		option2: null,
		option3: null,
		price: v.price ?? "19.99",
		compare_at_price: "24.99",
		sku: v.sku === undefined ? `SKU-${v.id}` : v.sku,
		barcode: null,
		position: v.position ?? i + 1,
		taxable: true,
		inventory_policy: "deny",
		inventory_item_id: v.inventoryItemId === undefined ? v.id + 7n : v.inventoryItemId,
		inventory_quantity: v.inventoryQuantity ?? 75,
		old_inventory_quantity: 75,
		image_id: null,
	}));
	const gids = [...variants.map((v) => v.id), ...(input.extraVariantGids ?? [])];
	return {
		admin_graphql_api_id: `gid://shopify/Product/${input.id}`,
		id: input.id,
		title: input.title ?? "Example T-Shirt",
		body_html: "An example T-Shirt",
		handle: "example-t-shirt",
		vendor: "Acme",
		product_type: "Shirts",
		status: input.status ?? "active",
		tags: input.tags ?? "example, mens, t-shirt",
		published_scope: "web",
		created_at: null,
		updated_at: input.updatedAt,
		published_at: input.updatedAt,
		variants,
		options: [{ id: input.id + 5n, name: "Size", position: 1, product_id: input.id, values: variants.map((v) => v.option1) }],
		images: [],
		image: null,
		media: [],
		variant_gids: gids.map((id) => ({ admin_graphql_api_id: `gid://shopify/ProductVariant/${id}`, updated_at: input.updatedAt })),
		has_variants_that_requires_components: false,
		category: {
			admin_graphql_api_id: "gid://shopify/TaxonomyCategory/aa-2-14-3",
			name: "T-Shirts",
			full_name: "Apparel & Accessories > Clothing > Clothing Tops > T-Shirts",
		},
		template_suffix: null,
	};
}

/** JSON text in which BigInts appear as bare numbers (as Shopify writes ids), exact to the last digit. */
export function shopifyJson(value: unknown): string {
	return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? `__big__${v}__` : v)).replace(/"__big__(\d+)__"/g, "$1");
}
