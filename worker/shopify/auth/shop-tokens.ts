/**
 * Shopify credentials at rest in `shops`: sealed with AES-GCM bound to the shop
 * id (crypto/secret-box), never logged or returned. A refreshed pair is stored
 * with a conditional UPDATE on the refresh token it replaced, so of two
 * consumers refreshing at once only one pair is kept and the other consumer
 * adopts it (D1 has no interactive transactions).
 */
import { and, eq } from "drizzle-orm";
import type { AppConfig } from "../../config";
import { openSecret, sealSecret } from "../../crypto/secret-box";
import type { Db } from "../../db/client";
import { shops } from "../../db/schema";
import type { OfflineTokens } from "./token-endpoint";

async function sealedTokenColumns(cfg: AppConfig, shopId: string, tokens: OfflineTokens) {
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
	const columns = await sealedTokenColumns(cfg, shopId, tokens);
	await db
		.insert(shops)
		.values({ id: shopId, ...columns, createdAt: now, updatedAt: now })
		.onConflictDoUpdate({ target: shops.id, set: { ...columns, uninstalledAt: null, updatedAt: now } });
}

/** Stores a refreshed pair only if the refresh token it replaces is still the stored one; false when another consumer won. */
export async function saveRefreshedTokens(db: Db, cfg: AppConfig, shopId: string, replacedRefreshEnc: string, tokens: OfflineTokens, now: number): Promise<boolean> {
	const columns = await sealedTokenColumns(cfg, shopId, tokens);
	const rows = await db
		.update(shops)
		.set({ ...columns, updatedAt: now })
		.where(and(eq(shops.id, shopId), eq(shops.shopifyRefreshTokenEnc, replacedRefreshEnc)))
		.returning({ id: shops.id });
	return rows.length > 0;
}

export const openToken = (cfg: AppConfig, shopId: string, sealed: string | null) => openSecret(sealed, shopId, cfg.TOKEN_ENCRYPTION_KEY);

/**
 * Shopify answered 401 to the stored token (revoked without an app/uninstalled
 * reaching us): forget it and mark the install unfinished, so the next
 * POST /api/session exchanges a new token and resumes the install.
 */
export async function forgetShopifyToken(db: Db, shopId: string, now: number): Promise<void> {
	await db
		.update(shops)
		.set({ shopifyAccessTokenEnc: null, shopifyRefreshTokenEnc: null, shopifyTokenExpiresAt: null, shopifyRefreshExpiresAt: null, installedAt: null, updatedAt: now })
		.where(eq(shops.id, shopId));
}
