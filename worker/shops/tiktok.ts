/**
 * The TikTok half of the `shops` row: connect, disconnect, token rotation and
 * deauthorization. Tokens arrive sealed (tiktok/connect/shop-store.ts seals them).
 * D1 has no interactive transactions, so:
 * - connecting is one `db.batch` (release the TikTok shop from an uninstalled Shopify shop,
 *   then upsert this row), so the unique `tiktok_shop_id` index never sees a half-state;
 * - a token refresh is a compare-and-swap on the refresh-token ciphertext that was read
 *   (random IVs make every sealing unique), so two consumers refreshing at once cannot
 *   overwrite each other: the loser sees 0 changed rows and re-reads the winner's tokens.
 */
import { and, eq, isNotNull, ne } from "drizzle-orm";
import type { Db } from "../db/client";
import { shops } from "../db/schema";

export type SealedTikTokTokens = {
	tiktokAccessTokenEnc: string;
	tiktokRefreshTokenEnc: string;
	tiktokAccessExpiresAt: number;
	tiktokRefreshExpiresAt: number;
};

export type SealedTikTokConnection = SealedTikTokTokens & {
	tiktokShopId: string;
	tiktokShopCipher: string;
	tiktokShopName: string;
	tiktokRegion: string;
	tiktokWarehouseId: string | null;
};

export type SaveConnectionResult = { ok: true } | { ok: false; reason: "tiktok_shop_in_use" };

const NO_TIKTOK_TOKENS = {
	tiktokAccessTokenEnc: null,
	tiktokRefreshTokenEnc: null,
	tiktokAccessExpiresAt: null,
	tiktokRefreshExpiresAt: null,
} as const;

const DISCONNECTED = {
	...NO_TIKTOK_TOKENS,
	tiktokShopId: null,
	tiktokShopCipher: null,
	tiktokShopName: null,
	tiktokRegion: null,
	tiktokWarehouseId: null,
} as const;

export async function saveTikTokConnection(
	db: Db,
	shopId: string,
	connection: SealedTikTokConnection,
	now: number,
): Promise<SaveConnectionResult> {
	const holder = await db
		.select({ id: shops.id, uninstalledAt: shops.uninstalledAt })
		.from(shops)
		.where(and(eq(shops.tiktokShopId, connection.tiktokShopId), ne(shops.id, shopId)))
		.get();
	if (holder && holder.uninstalledAt === null) return { ok: false, reason: "tiktok_shop_in_use" };
	// The connect time tells a stale inventory of the TikTok listings (worker/linking/) from a fresh one.
	const fields = { ...connection, tiktokConnectedAt: now, updatedAt: now };
	const upsert = db
		.insert(shops)
		.values({ id: shopId, createdAt: now, ...fields })
		.onConflictDoUpdate({ target: shops.id, set: fields });
	if (holder) {
		// The TikTok shop belonged to a Shopify shop that has since uninstalled the app: hand it over.
		await db.batch([
			db
				.update(shops)
				.set({ ...DISCONNECTED, updatedAt: now })
				.where(and(eq(shops.id, holder.id), isNotNull(shops.uninstalledAt))),
			upsert,
		]);
	} else {
		await upsert.run();
	}
	return { ok: true };
}

/** An inventory of the shop's TikTok listings that started at `startedAt` completed (worker/sync/linking/). */
export async function markInventoryTaken(db: Db, shopId: string, startedAt: number): Promise<void> {
	await db.update(shops).set({ tiktokInventoryAt: startedAt }).where(eq(shops.id, shopId));
}

/** Forgets tokens, cipher and TikTok shop id; returns whether a connection was removed. */
export async function clearTikTokConnection(db: Db, shopId: string, now = Date.now()): Promise<boolean> {
	const result = await db
		.update(shops)
		.set({ ...DISCONNECTED, updatedAt: now })
		.where(and(eq(shops.id, shopId), isNotNull(shops.tiktokShopId)))
		.run();
	return result.meta.changes > 0;
}

/**
 * Stores a refreshed pair only if the row still holds the refresh token it was refreshed from.
 * Returns false when another consumer got there first (or the shop disconnected meanwhile).
 */
export async function swapTikTokTokens(
	db: Db,
	shopId: string,
	previousRefreshEnc: string,
	tokens: SealedTikTokTokens,
	now: number,
): Promise<boolean> {
	const result = await db
		.update(shops)
		.set({ ...tokens, updatedAt: now })
		.where(and(eq(shops.id, shopId), eq(shops.tiktokRefreshTokenEnc, previousRefreshEnc)))
		.run();
	return result.meta.changes > 0;
}

/** The seller deauthorized the app (webhook type 6): the TikTok shop stays known, its grant is gone. */
export async function revokeTikTokTokens(db: Db, shopId: string, now: number): Promise<void> {
	await db
		.update(shops)
		.set({ ...NO_TIKTOK_TOKENS, updatedAt: now })
		.where(eq(shops.id, shopId));
}
