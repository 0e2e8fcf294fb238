/**
 * Why a product cannot be listed, in words a merchant acts on. Each problem has
 * a stable code so readiness can group them ("12 products have no weight in
 * Shopify and the template has no backup weight").
 */
export type ProblemCode =
	| "NO_WEIGHT"
	| "NO_IMAGES"
	| "TOO_MANY_OPTIONS"
	| "TOO_MANY_VARIANTS"
	| "NO_PRICE"
	| "PRICE_OUT_OF_RANGE"
	| "OUT_OF_STOCK"
	| "TITLE_TOO_SHORT"
	| "TITLE_TOO_LONG"
	| "DESCRIPTION_TOO_LONG"
	| "NO_CATEGORY"
	| "CATEGORY_NOT_LEAF"
	| "CATEGORY_NOT_PERMITTED"
	| "MISSING_ATTRIBUTE"
	| "ATTRIBUTE_MUST_BE_EMPTY"
	| "ATTRIBUTE_VALUE_INVALID"
	| "MISSING_CERTIFICATION"
	| "MISSING_DIMENSIONS"
	| "MISSING_SIZE_CHART"
	| "NO_WAREHOUSE"
	| "PRODUCT_NOT_ACTIVE";

export type Problem = { code: ProblemCode; message: string; fix: string; field?: string };

/** Readiness sentence for `count` products sharing a problem. */
export function summarize(code: ProblemCode, count: number, example: Problem): string {
	const n = `${count} product${count === 1 ? "" : "s"}`;
	const sentences: Partial<Record<ProblemCode, string>> = {
		NO_WEIGHT: `${n} have no weight in Shopify and the template has no backup weight`,
		NO_IMAGES: `${n} have no images; TikTok needs at least one`,
		TOO_MANY_OPTIONS: `${n} have more than 3 options; TikTok allows 3 sales attributes`,
		TOO_MANY_VARIANTS: `${n} have more variants than TikTok allows in this region`,
		OUT_OF_STOCK: `${n} have no stock in Shopify; TikTok needs at least 1 unit to list`,
		TITLE_TOO_SHORT: `${n} have a title shorter than TikTok allows in this region`,
		TITLE_TOO_LONG: `${n} have a title longer than 255 characters`,
		PRICE_OUT_OF_RANGE: `${n} have a price TikTok does not accept`,
		PRODUCT_NOT_ACTIVE: `${n} are draft or archived in Shopify`,
	};
	return sentences[code] ?? `${n}: ${example.message}`;
}
