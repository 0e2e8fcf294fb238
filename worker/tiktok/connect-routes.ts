/**
 * Connect TikTok Shop.
 * - POST /api/tiktok/connect     → `{ authorizeUrl }` with a signed `state` (shop + 10 min expiry).
 * - GET  /auth/tiktok/callback   → verifies the state (no session needed), completes the
 *   connection and redirects to `/#/settings?tiktok=connected` (or `?tiktok=error&code=…`).
 *   A missing, forged or expired state is a 400 with the error envelope; nothing is stored.
 * - POST /api/tiktok/disconnect  → forgets tokens, cipher and TikTok shop id.
 * - GET  /api/tiktok/status      → connection summary; never a token.
 * Real TikTok takes the redirect URI from Partner Center; sending `redirect_uri` too is
 * harmless there and lets the local sandbox redirect back.
 * @see https://partner.tiktokshop.com/docv2/page/authorization-overview-202407
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { shopSession } from "../auth/shop-session";
import { config } from "../config";
import { AppError } from "../http/errors";
import { validate } from "../http/validate";
import { completeConnection } from "./connect/complete";
import { clearConnection, readShop } from "./connect/shop-store";
import { signConnectState, verifyConnectState } from "./connect/state";

const appUrl = (env: Env) => config(env).APP_URL.replace(/\/+$/, "");

export const tiktokConnectApi = new Hono<AppEnv>()
	.use(shopSession())
	.post("/connect", async (c) => {
		const cfg = config(c.env);
		const state = await signConnectState(c.var.shopId, cfg.TIKTOK_APP_SECRET);
		const url = new URL("/oauth/authorize", cfg.TIKTOK_AUTH_BASE);
		url.searchParams.set("app_key", cfg.TIKTOK_APP_KEY);
		url.searchParams.set("state", state);
		url.searchParams.set("redirect_uri", `${appUrl(c.env)}/auth/tiktok/callback`);
		return c.json({ authorizeUrl: url.href });
	})
	.post("/disconnect", async (c) => {
		const disconnected = await clearConnection(c.var.db, c.var.shopId);
		return c.json({ disconnected });
	})
	.get("/status", async (c) => {
		const shop = await readShop(c.var.db, c.var.shopId);
		if (!shop?.tiktokShopId) return c.json({ connected: false as const, needsReauthorization: false });
		// Deauthorization (webhook type 6) or a lapsed refresh token keep the shop but not a usable grant.
		const lapsed = !shop.tiktokRefreshTokenEnc || (shop.tiktokRefreshExpiresAt ?? 0) <= Date.now();
		return c.json({
			connected: !lapsed,
			needsReauthorization: lapsed,
			tiktokShopId: shop.tiktokShopId,
			shopName: shop.tiktokShopName,
			region: shop.tiktokRegion,
			warehouseId: shop.tiktokWarehouseId,
			accessTokenExpiresAt: shop.tiktokAccessExpiresAt,
			refreshTokenExpiresAt: shop.tiktokRefreshExpiresAt,
		});
	});

const CallbackQuery = z.object({
	state: z.string().min(1, "state is required"),
	code: z.string().min(1).optional(),
	error: z.string().optional(),
});

const stateMessages = {
	malformed: "The TikTok authorization state is malformed; start the connection again from Settings.",
	bad_signature: "The TikTok authorization state was not issued by this app; start the connection again from Settings.",
	expired: "The TikTok authorization took longer than 10 minutes; start the connection again from Settings.",
} as const;

export const tiktokOAuthCallback = new Hono<AppEnv>().get("/callback", validate("query", CallbackQuery), async (c) => {
	const { state, code } = c.req.valid("query");
	const verified = await verifyConnectState(state, config(c.env).TIKTOK_APP_SECRET);
	if (!verified.ok) throw new AppError("BAD_REQUEST", stateMessages[verified.reason]);
	const settings = `${appUrl(c.env)}/#/settings`;
	if (!code) return c.redirect(`${settings}?tiktok=error&code=denied`, 302);
	const result = await completeConnection(c.env, c.var.db, verified.shopId, code);
	if (!result.ok) {
		const tiktokCode = result.error?.code ? `&tiktok_code=${result.error.code}` : "";
		console.warn(JSON.stringify({ level: "warn", event: "tiktok_connect_failed", shop: verified.shopId, reason: result.reason, code: result.error?.code, requestId: result.error?.requestId }));
		return c.redirect(`${settings}?tiktok=error&code=${result.reason}${tiktokCode}`, 302);
	}
	return c.redirect(`${settings}?tiktok=connected`, 302);
});
