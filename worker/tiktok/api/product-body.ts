/**
 * Request bodies for Create / Edit / Partial Edit / Listing Check (API 202309), typed
 * precisely because the listing builder (worker/listing/) produces them and the sync
 * engine sends them. Numbers TikTok wants as strings (prices, weight, dimensions) are
 * strings here too.
 * @see https://partner.tiktokshop.com/docv2/page/create-product-202309
 */
import type { CategoryVersion } from "./context";

export type ImageRef = { uri: string };
export type Money = { amount: string; currency: string };

/** US: KILOGRAM|POUND; BR, JP, MX: KILOGRAM|GRAM; elsewhere KILOGRAM. Same system as the dimensions. */
export type WeightUnit = "KILOGRAM" | "POUND" | "GRAM";
/** CENTIMETER everywhere; INCH for US shops only. */
export type DimensionUnit = "CENTIMETER" | "INCH";

/** A built-in value by id, or a custom value by name (only where `is_customizable`). */
export type AttributeValue = { id: string; name?: string } | { name: string; id?: undefined };

export type ProductAttribute = { id: string; values: AttributeValue[] };

/** A variant dimension: built-in attribute/value ids, or custom names (name ≤20, value ≤50 chars). */
export type SalesAttribute = ({ id: string; name?: string } | { name: string; id?: undefined }) &
	({ value_id: string; value_name?: string } | { value_name: string; value_id?: undefined }) & {
		/** Only on the primary (first) sales attribute. */
		sku_img?: ImageRef;
		supplementary_sku_images?: ImageRef[];
	};

export type IdentifierCode = { code: string; type: "GTIN" | "EAN" | "UPC" | "ISBN" | "JAN" };

export type SkuInput = {
	/** Existing TikTok SKU id, on edit. */
	id?: string;
	/** 1–50 chars, no spaces. */
	seller_sku: string;
	price: Money;
	/** US: ≥ price, in [0.01, 7600]. */
	list_price?: Money;
	external_list_prices?: { source: "SHOPIFY_COMPARE_AT_PRICE" | (string & {}); amount: string; currency: string }[];
	/** Create: quantity 1–99,999 per warehouse. */
	inventory: { warehouse_id: string; quantity: number }[];
	/** Omitted for a single-SKU product; ≤3 types, the same set on every SKU. */
	sales_attributes?: SalesAttribute[];
	identifier_code?: IdentifierCode;
	/** Shopify variant GID. */
	external_sku_id?: string;
};

export type Certification = {
	id: string;
	images?: ImageRef[];
	files?: { id: string; name: string; format: "PDF" }[];
	/** Unix seconds. */
	expiration_date?: number;
};

export type ProductBody = {
	/** US/EU/JP/UK 1–255 chars. */
	title: string;
	/** HTML ≤10,000 chars; TikTok-hosted images only. */
	description: string;
	/** A leaf of the tree named by `category_version`. */
	category_id: string;
	/** Filled in as v2 for US shops when absent. */
	category_version?: CategoryVersion;
	brand_id?: string;
	/** 1–9 TikTok image uris. */
	main_images: ImageRef[];
	skus: SkuInput[];
	/** Positive decimal as a string: KILOGRAM ≤3 decimals, POUND ≤2, GRAM integer. */
	package_weight: { value: string; unit: WeightUnit };
	/** Positive whole numbers as strings. */
	package_dimensions?: { length: string; width: string; height: string; unit: DimensionUnit };
	product_attributes?: ProductAttribute[];
	certifications?: Certification[];
	size_chart?: { image: ImageRef } | { template: { id: string } };
	video?: { id: string };
	save_mode?: "AS_DRAFT" | "LISTING";
	is_cod_allowed?: boolean;
	/** Shopify product GID: a second create for the same product fails with 12052996. */
	external_product_id?: string;
	delivery_option_ids?: string[];
	manufacturer_ids?: string[];
	responsible_person_ids?: string[];
	listing_platforms?: ("TIKTOK_SHOP" | "TOKOPEDIA")[];
};

/** What the listing builder produces and Listing Check takes: always with the Shopify product GID. */
export type ListingBody = ProductBody & { external_product_id: string };

export type CreateProductBody = ListingBody & {
	/** ≤128 chars, deterministic per (shop, product, generation) so a retried create reuses it. */
	idempotency_key: string;
};

/** Edit replaces the whole product: send every field (blank overwrites). */
export type EditProductBody = ProductBody;

/** Partial edit: per top-level property; nested objects are replaced whole. */
export type PartialEditProductBody = Partial<ProductBody>;
