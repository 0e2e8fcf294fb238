/**
 * Shopify credentials at rest in `shops`: sealed with AES-GCM bound to the shop
 * id (crypto/secret-box), never logged or returned. A refreshed pair is stored
 * with a conditional UPDATE on the refresh token it replaced, so of two
 * consumers refreshing at once only one pair is kept and the other consumer
 * adopts it (D1 has no interactive transactions).
 */
import type { AppConfig } from "../../config";
import { openSecret, sealSecret } from "../../crypto/secret-box";
import type { Db } from "../../db/client";
import { type SealedShopifyTokens, saveShopifyTokens, swapShopifyTokens } from "../../shops";
import type { OfflineTokens } from "./token-endpoint";

async function sealedTokenColumns(cfg: AppConfig, shopId: string, tokens: OfflineTokens): Promise<SealedShopifyTokens> {
	const key = cfg.TOKEN_ENCRYPTION_KEY;
	return {
		shopifyAccessTokenEnc: await sealSecret(tokens.accessToken, shopId, key),
		shopifyRefreshTokenEnc: tokens.refreshToken ? await sealSecret(tokens.refreshToken, shopId, key) : null,
		shopifyTokenExpiresAt: tokens.expiresAt,
		shopifyRefreshExpiresAt: tokens.refreshExpiresAt,
		shopifyScopes: tokens.scope,
	};
}

/** Creates the shop row or replaces its Shopify credentials (install / reinstall clears `uninstalled_at`). */
export async function saveInstallTokens(db: Db, cfg: AppConfig, shopId: string, tokens: OfflineTokens, now: number): Promise<void> {
	await saveShopifyTokens(db, shopId, await sealedTokenColumns(cfg, shopId, tokens), now);
}

/** Stores a refreshed pair only if the refresh token it replaces is still the stored one; false when another consumer won. */
export async function saveRefreshedTokens(
	db: Db,
	cfg: AppConfig,
	shopId: string,
	replacedRefreshEnc: string,
	tokens: OfflineTokens,
	now: number,
): Promise<boolean> {
	return swapShopifyTokens(db, shopId, replacedRefreshEnc, await sealedTokenColumns(cfg, shopId, tokens), now);
}

export const openToken = (cfg: AppConfig, shopId: string, sealed: string | null) => openSecret(sealed, shopId, cfg.TOKEN_ENCRYPTION_KEY);
