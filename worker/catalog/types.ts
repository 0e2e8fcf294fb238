/**
 * A Shopify product as this app keeps it, whatever it came from (a webhook
 * payload, the GraphQL import, a sandbox fixture). Ids are strings; prices are
 * the decimal strings Shopify sent; weights are normalised to grams.
 */
export type CatalogVariant = {
	id: string;
	gid: string;
	title: string | null;
	sku: string | null;
	barcode: string | null;
	price: string;
	compareAtPrice: string | null;
	inventoryQuantity: number;
	inventoryItemId: string | null;
	weightGrams: number | null;
	weightValue: number | null;
	weightUnit: string | null;
	option1: string | null;
	option2: string | null;
	option3: string | null;
	position: number;
	imageSrc: string | null;
};

export type CatalogImage = { src: string; width: number | null; height: number | null; alt: string | null };

export type CatalogProduct = {
	id: string;
	gid: string;
	title: string;
	bodyHtml: string | null;
	vendor: string | null;
	productType: string | null;
	handle: string | null;
	/** active | draft | archived | unlisted */
	status: string;
	tags: string[];
	categoryId: string | null;
	categoryName: string | null;
	categoryFullName: string | null;
	collectionIds: string[];
	options: { name: string; values: string[] }[];
	images: CatalogImage[];
	/** Shopify's updated_at in ms. */
	shopifyUpdatedAt: number;
	variants: CatalogVariant[];
	/** True when Shopify's payload was cut at 100 variants. */
	variantsIncomplete?: boolean;
};
