/**
 * `shopifyForShop(env, db, shopId)`: an Admin GraphQL client for a shop, or the
 * reason there is none. Every job that reads Shopify goes through here, so an
 * uninstalled shop (tokens deleted) is never called again.
 *
 * Expiring offline tokens live one hour: the token is refreshed when it expires
 * within 5 minutes, and the new pair is persisted with a conditional UPDATE (see
 * auth/shop-tokens.ts). If another consumer refreshed first, its pair is re-read
 * and used; Shopify keeps the replaced refresh token valid until its successor
 * is used, so the loser's refresh does not break the winner's.
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
 */
import { config } from "../config";
import type { Db } from "../db/client";
import { findShop } from "../shops";
import { adminBase, adminGraphql, type AdminGraphql } from "./admin/graphql";
import { openToken, saveRefreshedTokens } from "./auth/shop-tokens";
import { refreshOfflineToken } from "./auth/token-endpoint";

export const REFRESH_MARGIN_MS = 5 * 60_000;

export type ShopifyUnavailable =
	| "not_installed"
	| "uninstalled"
	| "no_token"
	| "refresh_expired"
	| "refresh_refused"
	| "refresh_unavailable";

export type ShopifyForShop = { ok: true; graphql: AdminGraphql } | { ok: false; reason: ShopifyUnavailable };

export async function shopifyForShop(env: Env, db: Db, shopId: string, now = Date.now()): Promise<ShopifyForShop> {
	const cfg = config(env);
	for (let attempt = 0; attempt < 2; attempt++) {
		const shop = await findShop(db, shopId);
		if (!shop) return { ok: false, reason: "not_installed" };
		if (shop.uninstalledAt !== null) return { ok: false, reason: "uninstalled" };
		const accessToken = await openToken(cfg, shopId, shop.shopifyAccessTokenEnc);
		if (!accessToken) return { ok: false, reason: "no_token" };
		const client = (token: string) =>
			adminGraphql({ base: adminBase(cfg.SHOPIFY_ADMIN_BASE, shopId), apiVersion: cfg.SHOPIFY_API_VERSION, accessToken: token });
		if (shop.shopifyTokenExpiresAt === null || shop.shopifyTokenExpiresAt - now > REFRESH_MARGIN_MS)
			return { ok: true, graphql: client(accessToken) };

		const refreshToken = await openToken(cfg, shopId, shop.shopifyRefreshTokenEnc);
		if (!refreshToken || (shop.shopifyRefreshExpiresAt !== null && shop.shopifyRefreshExpiresAt <= now))
			return { ok: false, reason: "refresh_expired" };
		const refreshed = await refreshOfflineToken(cfg, shopId, refreshToken, now);
		if (!refreshed.ok) return { ok: false, reason: refreshed.reason === "refused" ? "refresh_refused" : "refresh_unavailable" };
		if (await saveRefreshedTokens(db, cfg, shopId, shop.shopifyRefreshTokenEnc!, refreshed.tokens, now)) {
			return { ok: true, graphql: client(refreshed.tokens.accessToken) };
		}
		// Another consumer stored its pair first: loop once to read and use it.
	}
	return { ok: false, reason: "refresh_unavailable" };
}
