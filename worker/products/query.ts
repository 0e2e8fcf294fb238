/**
 * The products page's query: a page of the shop's products with their sync
 * state, filtered by badge, template (who claims it now) and search text, plus
 * the total. Offset paging; every condition is scoped by shop first.
 */
import { and, asc, count, eq, getTableColumns, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { productSync, products } from "../db/schema";
import type { Badge } from "./badge";

export function badgeCondition(badge: Badge): SQL {
	const synced = (reviewStates: string[]) =>
		and(eq(productSync.syncState, "synced"), inArray(productSync.reviewState, reviewStates)) as SQL;
	switch (badge) {
		case "synced":
			return synced(["none"]);
		case "in_review":
		case "live":
		case "review_failed":
		case "pending_category_approval":
			return synced([badge]);
		case "deactivated":
			return synced(["deactivated", "frozen", "deleted"]);
		default:
			return eq(productSync.syncState, badge);
	}
}

export function searchCondition(q: string): SQL {
	const needle = q.trim().toLowerCase();
	// instr on the pre-lowered columns: no LIKE escaping and no 50-byte pattern limit.
	return or(
		sql`instr(${products.searchTitle}, ${needle}) > 0`,
		sql`instr(${products.searchVariantSkus}, ${needle}) > 0`,
		eq(products.id, q.trim()),
	) as SQL;
}

/**
 * The sync columns a page shows. Only names that products does not also have:
 * D1 returns joined rows by column name, so a second `shop_id` or `updated_at`
 * would overwrite the first and shift every value after it.
 */
const syncColumns = {
	syncState: productSync.syncState,
	reviewState: productSync.reviewState,
	reviewReasons: productSync.reviewReasons,
	warnings: productSync.warnings,
	tiktokProductId: productSync.tiktokProductId,
	templateId: productSync.templateId,
	templateVersion: productSync.templateVersion,
	lastErrorCode: productSync.lastErrorCode,
	lastErrorMessage: productSync.lastErrorMessage,
	lastErrorFix: productSync.lastErrorFix,
	lastRequestId: productSync.lastRequestId,
	syncedAt: productSync.syncedAt,
};

export async function pageOfProducts(db: Db, shopId: string, filters: SQL[], page: { limit: number; offset: number }) {
	const where = and(eq(products.shopId, shopId), isNull(products.deletedAt), ...filters);
	const join = and(eq(productSync.shopId, products.shopId), eq(productSync.productId, products.id));
	const [rows, [total]] = await db.batch([
		db
			.select({ products: getTableColumns(products), sync: syncColumns })
			.from(products)
			.innerJoin(productSync, join)
			.where(where)
			.orderBy(asc(products.searchTitle), asc(products.id))
			.limit(page.limit)
			.offset(page.offset),
		db.select({ n: count() }).from(products).innerJoin(productSync, join).where(where),
	]);
	return { rows, total: total?.n ?? 0 };
}
