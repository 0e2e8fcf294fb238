/**
 * Tokens and shop identity. Token calls go to the auth host, carry `app_secret` in the query
 * and no signature; `access_token_expire_in` / `refresh_token_expire_in` are ABSOLUTE Unix
 * seconds. Authorized shops is a signed call without `shop_cipher` (it is where the cipher
 * comes from).
 * @see https://partner.tiktokshop.com/docv2/page/authorization-overview-202407
 */
import { z } from "zod";
import type { TikTokResult } from "../errors";
import { sendTikTok, type TikTokAppConfig } from "../transport";
import { type CallContext, Id } from "./context";

export type TikTokTokens = {
	accessToken: string;
	/** Epoch milliseconds. */
	accessTokenExpiresAt: number;
	refreshToken: string;
	/** Epoch milliseconds. */
	refreshTokenExpiresAt: number;
	openId: string | null;
	sellerName: string | null;
	sellerBaseRegion: string | null;
	grantedScopes: string[];
};

/** Absolute seconds → ms. A value below 10^9 cannot be an absolute date; read it as a duration. */
const expiry = (seconds: number, nowMs: number) => (seconds < 1e9 ? nowMs + seconds * 1000 : seconds * 1000);

const TokenData = z.object({
	access_token: z.string().min(1),
	access_token_expire_in: z.number(),
	refresh_token: z.string().min(1),
	refresh_token_expire_in: z.number(),
	open_id: z.string().optional(),
	seller_name: z.string().optional(),
	seller_base_region: z.string().optional(),
	granted_scopes: z.array(z.string()).optional(),
});

async function tokenCall(app: TikTokAppConfig, path: string, query: Record<string, string>): Promise<TikTokResult<TikTokTokens>> {
	const result = await sendTikTok(app, null, {
		method: "GET",
		host: "auth",
		path,
		query: { app_key: app.appKey, app_secret: app.appSecret, ...query },
		schema: TokenData,
	});
	if (!result.ok) return result;
	const now = (app.now ?? Date.now)();
	const d = result.data;
	return {
		ok: true,
		requestId: result.requestId,
		data: {
			accessToken: d.access_token,
			accessTokenExpiresAt: expiry(d.access_token_expire_in, now),
			refreshToken: d.refresh_token,
			refreshTokenExpiresAt: expiry(d.refresh_token_expire_in, now),
			openId: d.open_id ?? null,
			sellerName: d.seller_name ?? null,
			sellerBaseRegion: d.seller_base_region ?? null,
			grantedScopes: d.granted_scopes ?? [],
		},
	};
}

/** Exchanges the OAuth `code` from the authorize redirect. */
export function getAccessToken(app: TikTokAppConfig, authCode: string) {
	return tokenCall(app, "/api/v2/token/get", { auth_code: authCode, grant_type: "authorized_code" });
}

export function refreshAccessToken(app: TikTokAppConfig, refreshToken: string) {
	return tokenCall(app, "/api/v2/token/refresh", { refresh_token: refreshToken, grant_type: "refresh_token" });
}

const AuthorizedShops = z.object({
	shops: z
		.array(
			z.looseObject({
				id: Id,
				name: z.string().default(""),
				region: z.string().default(""),
				seller_type: z.string().optional(),
				code: z.string().optional(),
				cipher: z.string().min(1),
			}),
		)
		.default([]),
});

export type AuthorizedShop = z.infer<typeof AuthorizedShops>["shops"][number];

export function getAuthorizedShops(ctx: CallContext) {
	return sendTikTok(ctx.app, ctx.session, { method: "GET", path: "/authorization/202309/shops", schema: AuthorizedShops });
}
