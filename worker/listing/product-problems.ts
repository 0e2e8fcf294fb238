/**
 * What stops a listing before its body is built, beyond the fields the builder
 * checks as it goes: the product's Shopify status, the shop's warehouse, and the
 * package fields the category asks for besides the weight.
 */
import type { CatalogProduct } from "../catalog";
import type { CategorySpec } from "../tiktok";
import type { ListingConfig } from "./config";
import type { Problem } from "./problems";

/** What stops a product before any field is built: its Shopify status and the shop's warehouse. */
export function productProblems(product: CatalogProduct, shop: { warehouseId?: string | null }): Problem[] {
	const problems: Problem[] = [];
	if (product.status !== "active") {
		problems.push({
			code: "PRODUCT_NOT_ACTIVE",
			message: `The product is ${product.status} in Shopify.`,
			fix: "Set the product to Active in Shopify.",
		});
	}
	if (!shop.warehouseId)
		problems.push({
			code: "NO_WAREHOUSE",
			message: "The TikTok shop has no warehouse.",
			fix: "Add a warehouse in TikTok Seller Center, then reconnect.",
		});
	return problems;
}

/** The package fields the category asks for beyond the weight. */
export function packageProblems(category: CategorySpec | null, config: ListingConfig): Problem[] {
	const problems: Problem[] = [];
	if (category?.rules.package_dimension?.is_required && !config.shipping.dimensions) {
		problems.push({
			code: "MISSING_DIMENSIONS",
			message: "This category needs package dimensions.",
			fix: "Enter package dimensions in the template's shipping settings.",
			field: "shipping.dimensions",
		});
	}
	if (category?.rules.size_chart?.is_required && !config.extra.sizeChart) {
		problems.push({
			code: "MISSING_SIZE_CHART",
			message: "This category needs a size chart.",
			fix: "Upload a size chart in the template.",
			field: "extra.sizeChart",
		});
	}
	return problems;
}
