/**
 * Reading the `shops` row. Every read of the table goes through here (writes are
 * in the sibling modules), so what a "shop" is stays defined in one place.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { type Shop, shops } from "../db/schema";
import { AppError } from "../http/errors";

export function findShop(db: Db, shopId: string): Promise<Shop | undefined> {
	return db.select().from(shops).where(eq(shops.id, shopId)).get();
}

/** The shop behind a session; a route answers 404 for a shop that never installed the app. */
export async function requireShop(db: Db, shopId: string): Promise<Shop> {
	const shop = await findShop(db, shopId);
	if (!shop) throw new AppError("NOT_FOUND", "This shop has not installed the app yet.");
	return shop;
}

/** The Shopify shop a TikTok shop is connected to (TikTok webhooks name only their own shop id). */
export function findShopByTikTokShop(db: Db, tiktokShopId: string): Promise<{ id: string } | undefined> {
	return db.select({ id: shops.id }).from(shops).where(eq(shops.tiktokShopId, tiktokShopId)).get();
}

/** Shops that have not uninstalled the app. */
export async function installedShopIds(db: Db): Promise<string[]> {
	const rows = await db.select({ id: shops.id }).from(shops).where(isNull(shops.uninstalledAt));
	return rows.map((row) => row.id);
}

/**
 * The shop's id while it is installed (not uninstalled, with a Shopify token), as a
 * statement: for the caller's `db.batch`, or as a `notExists` guard (shop/redact
 * never purges an installed shop).
 */
export function installedShopQuery(db: Db, shopId: string) {
	return db
		.select({ id: shops.id })
		.from(shops)
		.where(and(eq(shops.id, shopId), isNull(shops.uninstalledAt), isNotNull(shops.shopifyAccessTokenEnc)));
}

/** Whether a shop is installed, as a statement for the caller's `db.batch` (the webhook route reads it with its duplicate check). */
export function installStateQuery(db: Db, shopId: string) {
	return db
		.select({ installedAt: shops.installedAt, uninstalledAt: shops.uninstalledAt, hasToken: isNotNull(shops.shopifyAccessTokenEnc) })
		.from(shops)
		.where(eq(shops.id, shopId));
}
