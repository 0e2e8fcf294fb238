/**
 * TikTok tokens on their way into the `shops` row (shops/tiktok.ts stores them):
 * sealed with `sealSecret` (AES-GCM bound to the shop id) before they touch D1.
 */
import { sealSecret } from "../../crypto/secret-box";
import type { Db } from "../../db/client";
import { type SaveConnectionResult, type SealedTikTokTokens, saveTikTokConnection, swapTikTokTokens } from "../../shops";
import type { TikTokTokens } from "../api/auth";

export type TikTokConnection = {
	tokens: TikTokTokens;
	tiktokShopId: string;
	shopName: string;
	region: string;
	shopCipher: string;
	warehouseId: string | null;
};

async function sealTokens(tokens: TikTokTokens, shopId: string, encryptionKey: string): Promise<SealedTikTokTokens> {
	return {
		tiktokAccessTokenEnc: await sealSecret(tokens.accessToken, shopId, encryptionKey),
		tiktokRefreshTokenEnc: await sealSecret(tokens.refreshToken, shopId, encryptionKey),
		tiktokAccessExpiresAt: tokens.accessTokenExpiresAt,
		tiktokRefreshExpiresAt: tokens.refreshTokenExpiresAt,
	};
}

export async function storeConnection(
	db: Db,
	shopId: string,
	connection: TikTokConnection,
	encryptionKey: string,
	now = Date.now(),
): Promise<SaveConnectionResult> {
	return saveTikTokConnection(
		db,
		shopId,
		{
			...(await sealTokens(connection.tokens, shopId, encryptionKey)),
			tiktokShopId: connection.tiktokShopId,
			tiktokShopCipher: connection.shopCipher,
			tiktokShopName: connection.shopName,
			tiktokRegion: connection.region,
			tiktokWarehouseId: connection.warehouseId,
		},
		now,
	);
}

/**
 * Stores a refreshed pair only if the row still holds the refresh token it was refreshed from
 * (a compare-and-swap: random IVs make every sealing unique, so two consumers cannot overwrite
 * each other). Returns false when another consumer got there first (or the shop disconnected).
 */
export async function swapTokens(
	db: Db,
	shopId: string,
	previousRefreshEnc: string,
	tokens: TikTokTokens,
	encryptionKey: string,
	now = Date.now(),
): Promise<boolean> {
	return swapTikTokTokens(db, shopId, previousRefreshEnc, await sealTokens(tokens, shopId, encryptionKey), now);
}
