/**
 * Shopify's token endpoint (`POST {shop}/admin/oauth/access_token`) for the three
 * grants this app uses: token exchange of a verified session token (embedded
 * install), refresh of an expiring offline token, and the authorization code
 * (non-embedded install). Always asks for expiring offline tokens (`expiring=1`),
 * mandatory for public apps created from 2026-04-01.
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/get-access-tokens/exchange-tokens
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
 */
import { z } from "zod";
import type { AppConfig } from "../../config";
import { adminBase } from "../admin/graphql";

export type OfflineTokens = {
	accessToken: string;
	scope: string;
	/** ms; null for a non-expiring token. */
	expiresAt: number | null;
	refreshToken: string | null;
	refreshExpiresAt: number | null;
};

export type TokenResult =
	| { ok: true; tokens: OfflineTokens }
	| { ok: false; reason: "refused" | "unavailable"; status: number; error?: string };

const Grant = z.object({
	access_token: z.string().min(1),
	scope: z.string().default(""),
	expires_in: z.number().nullish(),
	refresh_token: z.string().nullish(),
	refresh_token_expires_in: z.number().nullish(),
});

async function requestTokens(cfg: AppConfig, shop: string, grant: Record<string, string>, now: number): Promise<TokenResult> {
	let res: Response;
	try {
		res = await fetch(`${adminBase(cfg.SHOPIFY_ADMIN_BASE, shop)}/admin/oauth/access_token`, {
			method: "POST",
			headers: { "content-type": "application/json", accept: "application/json" },
			body: JSON.stringify({ client_id: cfg.SHOPIFY_API_KEY, client_secret: cfg.SHOPIFY_API_SECRET, ...grant }),
		});
	} catch {
		return { ok: false, reason: "unavailable", status: 0 };
	}
	const body = await res.json<unknown>().catch(() => null);
	if (res.status >= 400 && res.status < 500) {
		const error = (body as { error?: unknown } | null)?.error;
		return { ok: false, reason: "refused", status: res.status, error: typeof error === "string" ? error : undefined };
	}
	const parsed = Grant.safeParse(body);
	if (!res.ok || !parsed.success) return { ok: false, reason: "unavailable", status: res.status };
	const g = parsed.data;
	return {
		ok: true,
		tokens: {
			accessToken: g.access_token,
			scope: g.scope,
			expiresAt: g.expires_in ? now + g.expires_in * 1000 : null,
			refreshToken: g.refresh_token ?? null,
			refreshExpiresAt: g.refresh_token && g.refresh_token_expires_in ? now + g.refresh_token_expires_in * 1000 : null,
		},
	};
}

/** Exchanges a session token (already verified by the caller) for an expiring offline token. */
export function exchangeSessionToken(cfg: AppConfig, shop: string, sessionToken: string, now = Date.now()): Promise<TokenResult> {
	return requestTokens(
		cfg,
		shop,
		{
			grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
			subject_token: sessionToken,
			subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
			requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
			expiring: "1",
		},
		now,
	);
}

/** Rotates an expiring offline token: a new access token and a new refresh token. */
export function refreshOfflineToken(cfg: AppConfig, shop: string, refreshToken: string, now = Date.now()): Promise<TokenResult> {
	return requestTokens(cfg, shop, { grant_type: "refresh_token", refresh_token: refreshToken }, now);
}

/** Redeems an authorization code (GET /auth/callback). */
export function redeemAuthorizationCode(cfg: AppConfig, shop: string, code: string, now = Date.now()): Promise<TokenResult> {
	return requestTokens(cfg, shop, { code, expiring: "1" }, now);
}
