/**
 * The stored inventory of a shop's TikTok listings (tiktok_listings) and the
 * Shopify side it is matched against. Every query is scoped to the shop.
 */
import { and, count, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type ListingMatch, productSync, products, type TikTokListing, tiktokListings, variants } from "../../db/schema";
import type { RemoteProduct } from "../../tiktok";
import type { ListedSkus, Match, ShopifySide } from "./match";

/** 9 columns a row: 10 rows keep an INSERT under D1's 100 bound parameters. */
const ROWS_PER_INSERT = 10;
const IN_CHUNK = 90;

export async function saveListings(db: Db, shopId: string, listings: RemoteProduct[], seenAt: number) {
	for (let i = 0; i < listings.length; i += ROWS_PER_INSERT) {
		const rows = listings.slice(i, i + ROWS_PER_INSERT).map((p) => ({
			shopId,
			tiktokProductId: p.id,
			skus: JSON.stringify(p.skus),
			status: p.status,
			externalProductId: p.externalProductId ?? null,
			seenAt,
		}));
		await db
			.insert(tiktokListings)
			.values(rows)
			.onConflictDoUpdate({
				target: [tiktokListings.shopId, tiktokListings.tiktokProductId],
				set: {
					skus: sql`excluded.skus`,
					status: sql`excluded.status`,
					externalProductId: sql`excluded.external_product_id`,
					seenAt: sql`excluded.seen_at`,
				},
			});
	}
}

/** Listings an inventory that started at `startedAt` did not see are gone from TikTok (deleted). */
export async function forgetUnseen(db: Db, shopId: string, startedAt: number) {
	await db.delete(tiktokListings).where(and(eq(tiktokListings.shopId, shopId), lt(tiktokListings.seenAt, startedAt)));
}

export const listedOf = (row: TikTokListing): ListedSkus => ({
	id: row.tiktokProductId,
	status: row.status,
	externalProductId: row.externalProductId,
	skus: JSON.parse(row.skus) as ListedSkus["skus"],
});

export function allListings(db: Db, shopId: string): Promise<TikTokListing[]> {
	return db.select().from(tiktokListings).where(eq(tiktokListings.shopId, shopId));
}

/** Stored listings carrying any of `skus` (json_each over the stored SKU list). */
export function listingsWithSkus(db: Db, shopId: string, skus: string[]): Promise<TikTokListing[]> {
	if (skus.length === 0) return Promise.resolve([]);
	const list = sql.join(
		skus.slice(0, IN_CHUNK).map((s) => sql`${s}`),
		sql`, `,
	);
	return db
		.select()
		.from(tiktokListings)
		.where(
			and(
				eq(tiktokListings.shopId, shopId),
				sql`EXISTS (SELECT 1 FROM json_each(${tiktokListings.skus}) WHERE json_extract(value, '$.sellerSku') IN (${list}))`,
			),
		);
}

/** The shop's products by GID and by seller SKU; only those carrying `skus` when given. */
export async function shopifySide(db: Db, shopId: string, skus?: string[], gids: string[] = []): Promise<ShopifySide> {
	const rows: { productId: string; sku: string | null }[] = [];
	if (!skus)
		rows.push(
			...(await db
				.select({ productId: variants.productId, sku: variants.sku })
				.from(variants)
				.where(and(eq(variants.shopId, shopId), isNotNull(variants.sku)))),
		);
	for (let i = 0; skus && i < skus.length; i += IN_CHUNK) {
		rows.push(
			...(await db
				.select({ productId: variants.productId, sku: variants.sku })
				.from(variants)
				.where(and(eq(variants.shopId, shopId), inArray(variants.sku, skus.slice(i, i + IN_CHUNK))))),
		);
	}
	const productsBySku = new Map<string, Set<string>>();
	for (const r of rows) if (r.sku) productsBySku.set(r.sku, (productsBySku.get(r.sku) ?? new Set()).add(r.productId));
	const gidFilter = skus ? inArray(products.gid, gids.length ? gids.slice(0, IN_CHUNK) : [""]) : undefined;
	const byGid = await db
		.select({ id: products.id, gid: products.gid })
		.from(products)
		.where(and(eq(products.shopId, shopId), gidFilter));
	return { productByGid: new Map(byGid.map((p) => [p.gid, p.id])), productsBySku };
}

/** TikTok product id → the product this app itself listed there. */
export async function ownListings(db: Db, shopId: string): Promise<Map<string, string>> {
	const rows = await db
		.select({ productId: productSync.productId, tiktokProductId: productSync.tiktokProductId })
		.from(productSync)
		.where(and(eq(productSync.shopId, shopId), eq(productSync.syncState, "synced"), isNotNull(productSync.tiktokProductId)));
	return new Map(rows.map((r) => [r.tiktokProductId as string, r.productId]));
}

export function findListing(db: Db, shopId: string, tiktokProductId: string): Promise<TikTokListing | undefined> {
	return db
		.select()
		.from(tiktokListings)
		.where(and(eq(tiktokListings.shopId, shopId), eq(tiktokListings.tiktokProductId, tiktokProductId)))
		.get();
}

/** Of `ids`, the listings the merchant said are none of their products. */
export async function skippedOf(db: Db, shopId: string, ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await db
		.select({ id: tiktokListings.tiktokProductId })
		.from(tiktokListings)
		.where(
			and(
				eq(tiktokListings.shopId, shopId),
				eq(tiktokListings.match, "skipped"),
				inArray(tiktokListings.tiktokProductId, ids.slice(0, IN_CHUNK)),
			),
		);
	return new Set(rows.map((r) => r.id));
}

export async function recordMatch(
	db: Db,
	shopId: string,
	tiktokProductId: string,
	match: Match | { match: "own" | "skipped"; productId: string | null },
) {
	const fields: { match: ListingMatch; productId: string | null; reason: string | null } = {
		match: match.match,
		productId: "productId" in match ? match.productId : null,
		reason: match.match === "ambiguous" ? match.reason : null,
	};
	await db
		.update(tiktokListings)
		.set(fields)
		.where(and(eq(tiktokListings.shopId, shopId), eq(tiktokListings.tiktokProductId, tiktokProductId)));
}

export async function matchCounts(db: Db, shopId: string): Promise<Record<ListingMatch, number>> {
	const rows = await db
		.select({ match: tiktokListings.match, n: count() })
		.from(tiktokListings)
		.where(eq(tiktokListings.shopId, shopId))
		.groupBy(tiktokListings.match);
	const counts: Record<ListingMatch, number> = { own: 0, linked: 0, ambiguous: 0, unmatched: 0, skipped: 0 };
	for (const r of rows) counts[r.match] = r.n;
	return counts;
}

export async function ambiguousListings(db: Db, shopId: string, limit = 50) {
	return db
		.select({
			tiktokProductId: tiktokListings.tiktokProductId,
			skus: tiktokListings.skus,
			status: tiktokListings.status,
			reason: tiktokListings.reason,
		})
		.from(tiktokListings)
		.where(and(eq(tiktokListings.shopId, shopId), eq(tiktokListings.match, "ambiguous")))
		.limit(limit);
}

/** The Shopify side of an ambiguous listing: the shop's products that carry any of its seller SKUs (at most 10). */
export async function productsWithSkus(db: Db, shopId: string, sellerSkus: string[]) {
	// ≤ 90 SKUs keeps the statement under D1's 100 bound parameters; a listing with more is shown by its first 90.
	const skus = sellerSkus.slice(0, 90);
	if (skus.length === 0) return [];
	const rows = await db
		.selectDistinct({ id: products.id, title: products.title })
		.from(variants)
		.innerJoin(products, and(eq(products.shopId, variants.shopId), eq(products.id, variants.productId)))
		.where(and(eq(variants.shopId, shopId), inArray(variants.sku, skus)))
		.limit(10);
	return rows;
}

/** When the newest of a product's variants reached the app (null when it has none). */
export async function newestVariantAt(db: Db, shopId: string, productId: string): Promise<number | null> {
	const [row] = await db
		.select({ at: sql<number | null>`max(${variants.createdAt})` })
		.from(variants)
		.where(and(eq(variants.shopId, shopId), eq(variants.productId, productId)));
	return row?.at ?? null;
}
