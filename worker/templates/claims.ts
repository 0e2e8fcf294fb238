/**
 * "The products a template claims" as SQL, for counts, readiness, activation,
 * the products page and the sync fan-out: one definition, so what the merchant
 * is shown is what gets synced.
 */
import { and, count, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { productSync, products } from "../db/schema";
import { claimCondition } from "./assignment/claim";
import { liveProducts } from "./assignment/scope";
import type { TemplateWithRules } from "./assignment/types";

export type Claimed = { ok: true; where: SQL } | { ok: false; reason: "unknown_template" | "statement_too_long"; message: string };

const MESSAGES = {
	unknown_template: "Template not found.",
	statement_too_long: "The templates' rules are too long to combine; shorten some rules.",
} as const;

/**
 * Listable products (active in Shopify, not deleted) the template claims; an
 * inactive template's are kept for a manual sync only, and the default never
 * takes them. With `asIfActive`, an inactive template is treated as active:
 * what it would claim once activated (readiness and the activation prompt need that).
 */
export function claimedBy(
	shopId: string,
	templateId: string,
	templates: TemplateWithRules[],
	options: { asIfActive?: boolean } = {},
): Claimed {
	const view = options.asIfActive ? templates.map((t) => (t.id === templateId ? { ...t, isActive: true } : t)) : templates;
	const claim = claimCondition(templateId, view);
	if (!claim.ok) return { ok: false, reason: claim.reason, message: MESSAGES[claim.reason] };
	return { ok: true, where: and(liveProducts(shopId), eq(products.status, "active"), claim.where) as SQL };
}

/** How many listable products the condition selects, optionally only those still Not synced. */
export async function countClaimed(db: Db, where: SQL, onlyNotSynced: boolean): Promise<number> {
	const query = db
		.select({ n: count() })
		.from(products)
		.innerJoin(productSync, and(eq(productSync.shopId, products.shopId), eq(productSync.productId, products.id)))
		.where(onlyNotSynced ? and(where, eq(productSync.syncState, "not_synced")) : where);
	const [row] = await query;
	return row?.n ?? 0;
}
