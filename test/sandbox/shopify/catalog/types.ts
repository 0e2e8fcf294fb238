/**
 * The sandbox's own product model: what a store Durable Object keeps per product
 * (one JSON document per row). Ids are plain numbers (all below 2^53). Image URLs
 * are stored as names and the description carries a `{{CDN}}` placeholder, so the
 * origin the sandbox is reached on (loopback port, wrangler dev) is filled in when
 * a product is rendered, never frozen into storage.
 */
export type WeightUnit = "GRAMS" | "KILOGRAMS" | "POUNDS" | "OUNCES";

export type Weight = { value: number; unit: WeightUnit };

export type Category = { id: string; name: string; fullName: string };

export type SandboxImage = { id: number; name: string; width: number; height: number; alt: string | null };

export type SandboxOption = { id: number; name: string; values: string[] };

export type SandboxVariant = {
	id: number;
	inventoryItemId: number;
	title: string;
	sku: string | null;
	barcode: string | null;
	price: string;
	compareAtPrice: string | null;
	inventoryQuantity: number;
	/** One value per product option, in option order. */
	options: string[];
	position: number;
	/** Index into the product's images, or null. */
	imageIndex: number | null;
	/** null = no weight recorded (GraphQL `weight: null`). A value of 0 is "unset" the way Shopify stores it. */
	weight: Weight | null;
	createdAtMs: number;
	updatedAtMs: number;
};

export type ProductStatus = "ACTIVE" | "DRAFT" | "ARCHIVED";

export type SandboxProduct = {
	id: number;
	/** Position in the store's id space (see catalog/ids.ts); variant and image ids derive from it. */
	index: number;
	/** Next free variant / image sequence number, so ids of added variants never repeat. */
	nextVariantSeq: number;
	nextImageSeq: number;
	title: string;
	handle: string;
	descriptionHtml: string;
	vendor: string;
	productType: string;
	tags: string[];
	status: ProductStatus;
	createdAtMs: number;
	updatedAtMs: number;
	publishedAtMs: number | null;
	category: Category | null;
	collectionIds: number[];
	options: SandboxOption[];
	images: SandboxImage[];
	variants: SandboxVariant[];
};

export type SandboxCollection = { id: number; title: string; handle: string };

export type ShopInfo = {
	shop: string;
	id: number;
	name: string;
	email: string;
	currencyCode: string;
	weightUnit: WeightUnit;
	createdAtMs: number;
};

/** Marker replaced by the sandbox origin when a description is rendered. */
export const CDN_PLACEHOLDER = "{{CDN}}";
