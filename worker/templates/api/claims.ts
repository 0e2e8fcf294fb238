/** SQL for "the products a template claims", for counts, readiness and activation. */
import { and, count, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { productSync, products } from "../../db/schema";
import { AppError } from "../../http/errors";
import { claimCondition } from "../assignment/claim";
import type { TemplateWithRules } from "../assignment/types";
import { liveProducts } from "../assignment/scope";

/**
 * Listable products (active in Shopify, not deleted) the template claims. With
 * `asIfActive`, an inactive template is treated as active: what it would claim
 * once activated (readiness and the activation prompt need that).
 */
export function claimedBy(shopId: string, templateId: string, templates: TemplateWithRules[], options: { asIfActive?: boolean } = {}): SQL {
	const view = options.asIfActive ? templates.map((t) => (t.id === templateId ? { ...t, isActive: true } : t)) : templates;
	const claim = claimCondition(templateId, view);
	if (!claim.ok) {
		throw new AppError("CONFLICT", claim.reason === "unknown_template" ? "Template not found." : "The templates' rules are too long to combine; shorten some rules.");
	}
	return and(liveProducts(shopId), eq(products.status, "active"), claim.where) as SQL;
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
