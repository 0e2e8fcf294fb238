/**
 * Failures that heal: each failure reason names the changes that can remove its
 * cause. When such a change arrives, a `failed` product is judged again without
 * the merchant pressing Re-sync; a reason nothing here can fix (TikTok refused
 * the listing, the shop is not connected) waits for the merchant.
 *
 * Quota is absent on purpose: TikTok's daily cap never fails a product, it
 * parks it as `waiting_quota`, which the reconcile re-queues once the UTC day
 * resets (reconcile.ts).
 */
import type { CatalogProduct } from "../catalog";
import type { ProblemCode } from "../listing";

/** What changed: a variant's weight (inventory_items/update), its stock, other product fields, or the template. */
export type Change = "weight" | "stock" | "product" | "template";

const BY_PRODUCT = ["product"] as const;
const BY_PRODUCT_OR_TEMPLATE = ["product", "template"] as const;
const BY_TEMPLATE = ["template"] as const;

/** Every listing problem and what can fix it (a Record over ProblemCode: a new problem must say). */
const BY_PROBLEM: Readonly<Record<ProblemCode, readonly Change[]>> = {
	NO_WEIGHT: ["weight", "template"],
	OUT_OF_STOCK: ["stock"],
	TOO_MANY_VARIANTS: ["stock", "product"],
	NO_IMAGES: BY_PRODUCT,
	TOO_MANY_OPTIONS: BY_PRODUCT,
	NO_PRICE: BY_PRODUCT,
	PRODUCT_NOT_ACTIVE: BY_PRODUCT,
	DESCRIPTION_TOO_LONG: BY_PRODUCT,
	PRICE_OUT_OF_RANGE: BY_PRODUCT_OR_TEMPLATE,
	TITLE_TOO_SHORT: BY_PRODUCT_OR_TEMPLATE,
	TITLE_TOO_LONG: BY_PRODUCT_OR_TEMPLATE,
	MISSING_ATTRIBUTE: BY_PRODUCT_OR_TEMPLATE,
	ATTRIBUTE_VALUE_INVALID: BY_PRODUCT_OR_TEMPLATE,
	ATTRIBUTE_MUST_BE_EMPTY: BY_TEMPLATE,
	MISSING_CERTIFICATION: BY_TEMPLATE,
	MISSING_DIMENSIONS: BY_TEMPLATE,
	MISSING_SIZE_CHART: BY_TEMPLATE,
	NO_CATEGORY: BY_TEMPLATE,
	CATEGORY_NOT_LEAF: BY_TEMPLATE,
	CATEGORY_NOT_PERMITTED: BY_TEMPLATE,
	// The warehouse is TikTok's: it comes with a reconnect, after which the merchant re-syncs.
	NO_WAREHOUSE: [],
};

/** What can fix a failure, by its code; TikTok's own refusals and NOT_CONNECTED are not here: they need Re-sync. */
export const HEALED_BY: Readonly<Record<string, readonly Change[]>> = BY_PROBLEM;

/** Which changes a `product.changed` message stands for, by the reason its sender gave. */
export function changesOf(reason: string | undefined): readonly Change[] {
	if (reason === "inventory_items/update") return ["weight"];
	if (reason === "products/update" || reason === "products/create") return ["product", "stock"];
	// The product was read whole from the Admin API (product.complete) or the reason is unknown: anything may have changed.
	return ["weight", "stock", "product"];
}

/**
 * Cheap checks that the cause is gone, where the stored product can tell; the
 * sync judges the rest. A failed product is queued again only when a change
 * that can fix its reason arrived and, if checkable, the cause is gone, so an
 * unrelated webhook (an order's stock change on a product missing its weight)
 * does not re-attempt a product that would fail the same way.
 */
const CAUSE_GONE: Readonly<Record<string, (product: CatalogProduct) => boolean>> = {
	NO_WEIGHT: (p) => p.variants.some((v) => (v.weightGrams ?? 0) > 0),
	OUT_OF_STOCK: (p) => p.variants.some((v) => v.inventoryQuantity > 0),
	NO_IMAGES: (p) => p.images.length > 0,
	PRODUCT_NOT_ACTIVE: (p) => p.status === "active",
};

export function healableBy(code: string | null, changes: readonly Change[]): boolean {
	const cures = code && Object.hasOwn(HEALED_BY, code) ? HEALED_BY[code] : [];
	return cures.some((cure) => changes.includes(cure));
}

/** A failed product whose reason `changes` can fix and whose cause (where checkable) is gone. */
export function heals(code: string | null, changes: readonly Change[], product: CatalogProduct): boolean {
	if (!code || !healableBy(code, changes)) return false;
	const gone = Object.hasOwn(CAUSE_GONE, code) ? CAUSE_GONE[code] : undefined;
	return !gone || gone(product);
}

/** The codes a template save can fix (for the query that finds them). */
export const TEMPLATE_HEALABLE = Object.keys(HEALED_BY).filter((code) => HEALED_BY[code].includes("template"));

const WHEN: Record<Change, string> = {
	weight: "its weight changes in Shopify",
	stock: "its stock changes in Shopify",
	product: "the product changes in Shopify",
	template: "its template is saved",
};

/** What will happen once the merchant fixes the cause, appended to the reason's fix. */
export function healingNote(code: string): string {
	const cures = Object.hasOwn(HEALED_BY, code) ? HEALED_BY[code] : [];
	if (!cures.length) return "Then press Re-sync.";
	const when = cures.map((cure) => WHEN[cure]);
	const list = when.length > 1 ? `${when.slice(0, -1).join(", ")} or ${when.at(-1)}` : when[0];
	return `It syncs again by itself when ${list}; no need to press Re-sync.`;
}
