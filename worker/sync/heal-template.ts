/**
 * A template save heals what it can: the products the template claims that
 * failed for a reason a template edit can fix (healing.ts) are queued again,
 * through the repository's queue transition (only from `failed`, so a product
 * already queued or listed is left alone and a second save queues nothing
 * twice). The sync judges each one again with the saved template.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { products, productSync } from "../db/schema";
import { claimedBy, loadTemplatesWithRules } from "../templates";
import { TEMPLATE_HEALABLE } from "./healing";
import { enqueueSyncs, markQueued } from "./runs";

/** One save re-queues at most this many; the rest heal on their next product change or a Re-sync. */
export const TEMPLATE_HEAL_LIMIT = 1000;

export async function healAfterTemplateSave(db: Db, queue: Queue, shopId: string, templateId: string): Promise<number> {
	const all = await loadTemplatesWithRules(db, shopId);
	if (!all.find((t) => t.id === templateId)?.isActive) return 0;
	const claim = claimedBy(shopId, templateId, all);
	if (!claim.ok) return 0;
	const failed = await db
		.select({ productId: products.id })
		.from(products)
		.innerJoin(productSync, and(eq(productSync.shopId, products.shopId), eq(productSync.productId, products.id)))
		.where(and(claim.where, eq(productSync.syncState, "failed"), inArray(productSync.lastErrorCode, TEMPLATE_HEALABLE)))
		.limit(TEMPLATE_HEAL_LIMIT);
	if (failed.length === 0) return 0;
	const queued = await markQueued(
		db,
		shopId,
		failed.map((r) => r.productId),
		{ id: null, templateId },
		["failed"],
	);
	await enqueueSyncs(queue, shopId, null, queued);
	return queued.length;
}
