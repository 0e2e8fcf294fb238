/**
 * Id lists in SQL without one bound parameter per id: D1 allows 100 bound
 * parameters per statement, so `inArray` over a page of 100 products (the
 * documented maximum) plus the shop id fails. The whole list travels as ONE JSON
 * parameter instead (as product-repo.ts does for the variants a product keeps).
 * @see https://developers.cloudflare.com/d1/platform/limits/
 */
import { and, type Column, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { type Variant, variants } from "../db/schema";

export const inIdList = (column: Column, ids: readonly string[]): SQL =>
	sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** The variants of a page of products, in one statement whatever the page size. */
export async function variantsOfProducts(db: Db, shopId: string, productIds: readonly string[]): Promise<Variant[]> {
	if (productIds.length === 0) return [];
	return db
		.select()
		.from(variants)
		.where(and(eq(variants.shopId, shopId), inIdList(variants.productId, productIds)));
}
