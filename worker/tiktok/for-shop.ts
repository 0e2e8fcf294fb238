/**
 * `tiktokForShop(env, db, shopId)`: a ready TikTok client for a Shopify shop, or why not.
 *
 * It opens the sealed tokens, refreshes the access token when it has expired or expires
 * within 5 minutes, and wires the client's `refreshAccessToken` hook (used when TikTok
 * answers 105002) to the same logic. A refresh is stored with a compare-and-swap on the
 * refresh token it started from (see shop-store), so concurrent consumers converge on one
 * token pair; a consumer that loses the race (or whose refresh TikTok rejected because the
 * winner already rotated it) re-reads the row and uses the winner's token.
 */
import { config } from "../config";
import { openSecret } from "../crypto/secret-box";
import type { Db } from "../db/client";
import type { Shop } from "../db/schema";
import { findShop } from "../shops";
import { type TransportOverrides, tiktokAppConfig } from "./app-config";
import type { CallContext } from "./api/context";
import { clientOver, createTikTokAuth, shopCallContext, type TikTokClient } from "./client";
import { swapTokens } from "./connect/shop-store";
import type { TikTokError } from "./errors";

export const REFRESH_MARGIN_MS = 5 * 60_000;

export type TikTokForShop =
	| { ok: true; client: TikTokClient; context: CallContext; shop: Shop }
	/** `unavailable`: the refresh failed for a passing reason (network, 5xx, rate limit); try again later. */
	| { ok: false; reason: "not_connected" | "uninstalled" | "reauthorize" | "unavailable"; error?: TikTokError };

type Fresh =
	| { ok: true; accessToken: string; shop: Shop }
	| { ok: false; reason: "not_connected" | "reauthorize" | "unavailable"; error?: TikTokError };

const PASSING = new Set(["transient", "timeout", "rate_limited", "bad_response"]);

export async function tiktokForShop(env: Env, db: Db, shopId: string, overrides: TransportOverrides = {}): Promise<TikTokForShop> {
	const row = await findShop(db, shopId);
	if (!row || !row.tiktokShopId || !row.tiktokAccessTokenEnc) return { ok: false, reason: "not_connected" };
	if (row.uninstalledAt !== null) return { ok: false, reason: "uninstalled" };
	const app = tiktokAppConfig(env, overrides);
	const key = config(env).TOKEN_ENCRYPTION_KEY;
	const now = () => (app.now ?? Date.now)();

	/** Returns a usable access token, refreshing unless the stored one is newer than `staleAccessEnc` or still fresh. */
	async function fresh(staleAccessEnc: string | null): Promise<Fresh> {
		let shop = await findShop(db, shopId);
		for (let round = 0; round < 2; round++) {
			if (!shop?.tiktokAccessTokenEnc || !shop.tiktokRefreshTokenEnc) return { ok: false, reason: "not_connected" };
			const stillValid = (shop.tiktokAccessExpiresAt ?? 0) - REFRESH_MARGIN_MS > now();
			if (stillValid && shop.tiktokAccessTokenEnc !== staleAccessEnc) {
				const accessToken = await openSecret(shop.tiktokAccessTokenEnc, shopId, key);
				return accessToken ? { ok: true, accessToken, shop } : { ok: false, reason: "reauthorize" };
			}
			if ((shop.tiktokRefreshExpiresAt ?? 0) <= now()) return { ok: false, reason: "reauthorize" };
			const refreshToken = await openSecret(shop.tiktokRefreshTokenEnc, shopId, key);
			if (!refreshToken) return { ok: false, reason: "reauthorize" };
			const refreshed = await createTikTokAuth(app).refreshAccessToken(refreshToken);
			const before = shop.tiktokRefreshTokenEnc;
			if (refreshed.ok && (await swapTokens(db, shopId, before, refreshed.data, key, now()))) {
				return { ok: true, accessToken: refreshed.data.accessToken, shop: (await findShop(db, shopId)) ?? shop };
			}
			// Lost the race, or TikTok refused a refresh token someone else already rotated: look again.
			shop = await findShop(db, shopId);
			if (shop?.tiktokRefreshTokenEnc !== before) continue;
			if (refreshed.ok) return { ok: false, reason: "not_connected" };
			return { ok: false, reason: PASSING.has(refreshed.error.kind) ? "unavailable" : "reauthorize", error: refreshed.error };
		}
		return { ok: false, reason: "unavailable" };
	}

	const first = await fresh(null);
	if (!first.ok) return first;
	let inUse = first.shop.tiktokAccessTokenEnc;
	const context = shopCallContext(app, {
		accessToken: first.accessToken,
		shopCipher: first.shop.tiktokShopCipher,
		region: first.shop.tiktokRegion,
		refreshAccessToken: async () => {
			const next = await fresh(inUse);
			if (!next.ok) return null;
			inUse = next.shop.tiktokAccessTokenEnc;
			return next.accessToken;
		},
	});
	return { ok: true, client: clientOver(context), context, shop: first.shop };
}
