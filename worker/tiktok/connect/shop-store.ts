/**
 * The TikTok half of a `shops` row: connect, disconnect and token rotation.
 *
 * Tokens are sealed with `sealSecret` (AES-GCM bound to the shop id) before they touch D1.
 * D1 has no interactive transactions, so:
 * - connecting is one `db.batch` (release the TikTok shop from an uninstalled Shopify shop,
 *   then upsert this row), so the unique `tiktok_shop_id` index never sees a half-state;
 * - a token refresh is a compare-and-swap on the refresh-token ciphertext that was read
 *   (random IVs make every sealing unique), so two consumers refreshing at once cannot
 *   overwrite each other: the loser sees 0 changed rows and re-reads the winner's tokens.
 */
import { and, eq, isNotNull, ne } from "drizzle-orm";
import { sealSecret } from "../../crypto/secret-box";
import type { Db } from "../../db/client";
import { type Shop, shops } from "../../db/schema";
import type { TikTokTokens } from "../api/auth";

export type TikTokConnection = {
	tokens: TikTokTokens;
	tiktokShopId: string;
	shopName: string;
	region: string;
	shopCipher: string;
	warehouseId: string | null;
};

export function readShop(db: Db, shopId: string): Promise<Shop | undefined> {
	return db.select().from(shops).where(eq(shops.id, shopId)).get();
}

export type StoreResult = { ok: true } | { ok: false; reason: "tiktok_shop_in_use" };

export async function storeConnection(db: Db, shopId: string, connection: TikTokConnection, encryptionKey: string, now = Date.now()): Promise<StoreResult> {
	const holder = await db
		.select({ id: shops.id, uninstalledAt: shops.uninstalledAt })
		.from(shops)
		.where(and(eq(shops.tiktokShopId, connection.tiktokShopId), ne(shops.id, shopId)))
		.get();
	if (holder && holder.uninstalledAt === null) return { ok: false, reason: "tiktok_shop_in_use" };
	const fields = {
		tiktokAccessTokenEnc: await sealSecret(connection.tokens.accessToken, shopId, encryptionKey),
		tiktokRefreshTokenEnc: await sealSecret(connection.tokens.refreshToken, shopId, encryptionKey),
		tiktokAccessExpiresAt: connection.tokens.accessTokenExpiresAt,
		tiktokRefreshExpiresAt: connection.tokens.refreshTokenExpiresAt,
		tiktokShopId: connection.tiktokShopId,
		tiktokShopCipher: connection.shopCipher,
		tiktokShopName: connection.shopName,
		tiktokRegion: connection.region,
		tiktokWarehouseId: connection.warehouseId,
		updatedAt: now,
	};
	const upsert = db
		.insert(shops)
		.values({ id: shopId, createdAt: now, ...fields })
		.onConflictDoUpdate({ target: shops.id, set: fields });
	if (holder) {
		// The TikTok shop belonged to a Shopify shop that has since uninstalled the app: hand it over.
		await db.batch([db.update(shops).set({ ...DISCONNECTED, updatedAt: now }).where(and(eq(shops.id, holder.id), isNotNull(shops.uninstalledAt))), upsert]);
	} else {
		await upsert.run();
	}
	return { ok: true };
}

const DISCONNECTED = {
	tiktokAccessTokenEnc: null,
	tiktokRefreshTokenEnc: null,
	tiktokAccessExpiresAt: null,
	tiktokRefreshExpiresAt: null,
	tiktokShopId: null,
	tiktokShopCipher: null,
	tiktokShopName: null,
	tiktokRegion: null,
	tiktokWarehouseId: null,
} as const;

/** Returns whether a connection was removed. */
export async function clearConnection(db: Db, shopId: string, now = Date.now()): Promise<boolean> {
	const result = await db.update(shops).set({ ...DISCONNECTED, updatedAt: now }).where(and(eq(shops.id, shopId), isNotNull(shops.tiktokShopId))).run();
	return result.meta.changes > 0;
}

/**
 * Stores a refreshed pair only if the row still holds the refresh token it was refreshed from.
 * Returns false when another consumer got there first (or the shop disconnected meanwhile).
 */
export async function swapTokens(db: Db, shopId: string, previousRefreshEnc: string, tokens: TikTokTokens, encryptionKey: string, now = Date.now()): Promise<boolean> {
	const result = await db
		.update(shops)
		.set({
			tiktokAccessTokenEnc: await sealSecret(tokens.accessToken, shopId, encryptionKey),
			tiktokRefreshTokenEnc: await sealSecret(tokens.refreshToken, shopId, encryptionKey),
			tiktokAccessExpiresAt: tokens.accessTokenExpiresAt,
			tiktokRefreshExpiresAt: tokens.refreshTokenExpiresAt,
			updatedAt: now,
		})
		.where(and(eq(shops.id, shopId), eq(shops.tiktokRefreshTokenEnc, previousRefreshEnc)))
		.run();
	return result.meta.changes > 0;
}
