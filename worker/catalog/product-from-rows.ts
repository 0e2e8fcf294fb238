/** Stored rows → CatalogProduct: the inverse of rows.ts (`toProductRow` / `toVariantRows`), JSON columns parsed. */
import type { Product, Variant } from "../db/schema";
import type { CatalogProduct, CatalogVariant } from "./types";

export function variantFromRow(v: Variant): CatalogVariant {
	return {
		id: v.id,
		gid: v.gid,
		title: v.title,
		sku: v.sku,
		barcode: v.barcode,
		price: v.price,
		compareAtPrice: v.compareAtPrice,
		inventoryQuantity: v.inventoryQuantity,
		inventoryItemId: v.inventoryItemId,
		weightGrams: v.weightGrams,
		weightValue: v.weightValue,
		weightUnit: v.weightUnit,
		option1: v.option1,
		option2: v.option2,
		option3: v.option3,
		position: v.position,
		imageSrc: v.imageSrc,
	};
}

export function productFromRows(p: Product, vs: Variant[]): CatalogProduct {
	return {
		id: p.id,
		gid: p.gid,
		title: p.title,
		bodyHtml: p.bodyHtml,
		vendor: p.vendor,
		productType: p.productType,
		handle: p.handle,
		status: p.status,
		tags: JSON.parse(p.tags),
		categoryId: p.categoryId,
		categoryName: p.categoryName,
		categoryFullName: p.categoryFullName,
		collectionIds: JSON.parse(p.collectionIds),
		options: JSON.parse(p.options),
		images: JSON.parse(p.images),
		shopifyUpdatedAt: p.shopifyUpdatedAt,
		variants: vs.map(variantFromRow),
		variantsIncomplete: p.variantsIncomplete,
	};
}
