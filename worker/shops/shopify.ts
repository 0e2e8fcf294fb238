/**
 * The Shopify half of the `shops` row: the install's credentials and details,
 * and the uninstall. Credentials arrive sealed (shopify/auth/shop-tokens.ts
 * seals them); this module never sees a plain token.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { shops } from "../db/schema";

export type SealedShopifyTokens = {
	shopifyAccessTokenEnc: string;
	shopifyRefreshTokenEnc: string | null;
	shopifyTokenExpiresAt: number | null;
	shopifyRefreshExpiresAt: number | null;
	shopifyScopes: string | null;
};

const NO_SHOPIFY_TOKENS = {
	shopifyAccessTokenEnc: null,
	shopifyRefreshTokenEnc: null,
	shopifyTokenExpiresAt: null,
	shopifyRefreshExpiresAt: null,
} as const;

const NO_TOKENS = {
	...NO_SHOPIFY_TOKENS,
	tiktokAccessTokenEnc: null,
	tiktokRefreshTokenEnc: null,
	tiktokAccessExpiresAt: null,
	tiktokRefreshExpiresAt: null,
} as const;

/** Creates the shop row or replaces its Shopify credentials (install / reinstall clears `uninstalled_at`). */
export async function saveShopifyTokens(db: Db, shopId: string, tokens: SealedShopifyTokens, now: number): Promise<void> {
	await db
		.insert(shops)
		.values({ id: shopId, ...tokens, createdAt: now, updatedAt: now })
		.onConflictDoUpdate({ target: shops.id, set: { ...tokens, uninstalledAt: null, updatedAt: now } });
}

/**
 * Stores a refreshed pair only if the refresh token it replaces is still the
 * stored one (D1 has no interactive transactions); false when another consumer won.
 */
export async function swapShopifyTokens(
	db: Db,
	shopId: string,
	replacedRefreshEnc: string,
	tokens: SealedShopifyTokens,
	now: number,
): Promise<boolean> {
	const rows = await db
		.update(shops)
		.set({ ...tokens, updatedAt: now })
		.where(and(eq(shops.id, shopId), eq(shops.shopifyRefreshTokenEnc, replacedRefreshEnc)))
		.returning({ id: shops.id });
	return rows.length > 0;
}

/**
 * Shopify answered 401 to the stored token (revoked without an app/uninstalled
 * reaching us): forget it and mark the install unfinished, so the next
 * POST /api/session exchanges a new token and resumes the install.
 */
export async function forgetShopifyToken(db: Db, shopId: string, now: number): Promise<void> {
	await db
		.update(shops)
		.set({ ...NO_SHOPIFY_TOKENS, installedAt: null, updatedAt: now })
		.where(eq(shops.id, shopId));
}

/** The last install step: the shop's details, and `installed_at` (unset until every step before it worked). */
export async function markInstalled(
	db: Db,
	shopId: string,
	details: { name: string; currency: string; weightUnit: string | null },
	now: number,
): Promise<void> {
	await db
		.update(shops)
		.set({ ...details, installedAt: now, uninstalledAt: null, updatedAt: now })
		.where(eq(shops.id, shopId));
}

/**
 * Every credential, Shopify's and TikTok's, gone at once, and `uninstalled_at`
 * set (a repeated uninstall keeps the first time). A statement for the caller's
 * `db.batch`: the purge stops the shop's import in the same transaction.
 */
export function markUninstalled(db: Db, shopId: string, now: number) {
	return db
		.update(shops)
		.set({ ...NO_TOKENS, uninstalledAt: sql`coalesce(${shops.uninstalledAt}, ${now})`, updatedAt: now })
		.where(eq(shops.id, shopId));
}
