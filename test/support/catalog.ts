/** Small CatalogProduct factories for tests. */
import type { CatalogProduct, CatalogVariant } from "../../worker/catalog/types";

let next = 1000;

export function makeVariant(overrides: Partial<CatalogVariant> = {}): CatalogVariant {
	const id = String(overrides.id ?? next++);
	return {
		id,
		gid: `gid://shopify/ProductVariant/${id}`,
		title: "Default Title",
		sku: `SKU-${id}`,
		barcode: null,
		price: "19.99",
		compareAtPrice: null,
		inventoryQuantity: 5,
		inventoryItemId: `inv-${id}`,
		weightGrams: 250,
		weightValue: 250,
		weightUnit: "g",
		option1: "Default Title",
		option2: null,
		option3: null,
		position: 1,
		imageSrc: null,
		...overrides,
	};
}

export function makeProduct(overrides: Partial<CatalogProduct> = {}): CatalogProduct {
	const id = String(overrides.id ?? next++);
	return {
		id,
		gid: `gid://shopify/Product/${id}`,
		title: "Organic Cotton Crew T-Shirt",
		bodyHtml: "<p>Soft organic cotton.</p>",
		vendor: "Acme",
		productType: "T-Shirts",
		handle: `product-${id}`,
		status: "active",
		tags: ["summer", "cotton"],
		categoryId: "aa-1-13-8",
		categoryName: "T-Shirts",
		categoryFullName: "Apparel & Accessories > Clothing > Clothing Tops > T-Shirts",
		collectionIds: [],
		options: [{ name: "Title", values: ["Default Title"] }],
		images: [{ src: `https://cdn.example.test/${id}.png`, width: 800, height: 800, alt: null }],
		shopifyUpdatedAt: 1_700_000_000_000,
		variants: [makeVariant()],
		...overrides,
	};
}
