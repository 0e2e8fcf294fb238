/**
 * The Create Product / listing_check request body (202309), as the listing
 * builder produces it. Strings where TikTok wants strings (amounts, weights,
 * dimensions).
 * @see tiktok-shop-api.md §3.8
 */
export type AttributeValueRef = { id: string } | { name: string };

export type ListingSalesAttribute = { id?: string; name?: string; value_id?: string; value_name?: string; sku_img?: { uri: string } };

export type ListingSku = {
	seller_sku: string;
	external_sku_id: string;
	price: { amount: string; currency: string };
	list_price?: { amount: string; currency: string };
	inventory: { warehouse_id: string; quantity: number }[];
	sales_attributes?: ListingSalesAttribute[];
	identifier_code?: { code: string; type: "GTIN" | "EAN" | "UPC" | "ISBN" | "JAN" };
};

export type ListingBody = {
	title: string;
	description: string;
	category_id: string;
	category_version?: "v1" | "v2";
	brand_id?: string;
	main_images: { uri: string }[];
	skus: ListingSku[];
	package_weight: { value: string; unit: "KILOGRAM" | "GRAM" | "POUND" };
	package_dimensions?: { length: string; width: string; height: string; unit: "CENTIMETER" | "INCH" };
	product_attributes?: { id: string; values: AttributeValueRef[] }[];
	certifications?: { id: string; images?: { uri: string }[]; files?: { id: string; name: string; format: "PDF" }[]; expiration_date?: number }[];
	size_chart?: { image: { uri: string } } | { template: { id: string } };
	is_cod_allowed?: boolean;
	external_product_id: string;
	idempotency_key?: string;
	save_mode?: "AS_DRAFT" | "LISTING";
};
