/** The catalog feature's face: the shop's Shopify products as stored in D1, and the pure helpers that derive their search columns. */
export { inIdList, variantsOfProducts } from "./id-list";
export {
	getProductWithVariants,
	markProductDeleted,
	productFromRows,
	storedProductFrom,
	storedProductQueries,
	updateVariantWeightByInventoryItem,
	type UpsertOptions,
	upsertProduct,
} from "./product-repo";
export { canonicalNumber, decimalValue, finiteValue, SEP, searchText } from "./rows";
export type { CatalogImage, CatalogProduct, CatalogVariant } from "./types";
export { gramsTo, toGrams } from "./weight";
