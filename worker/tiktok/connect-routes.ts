/**
 * Connect TikTok Shop, the API half (session required):
 * - POST /api/tiktok/connect     → `{ authorizeUrl }`: our own /auth/tiktok/start link with a
 *   fresh single-use state (shop, jti, 10 min expiry); the UI sends the top window there
 *   (connect/oauth-routes does the rest).
 * - POST /api/tiktok/disconnect  → forgets tokens, cipher and TikTok shop id.
 * - GET  /api/tiktok/status      → connection summary; never a token.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { doc } from "../http/doc";
import { shopSession } from "../auth/shop-session";
import { config } from "../config";
import { clearTikTokConnection, findShop } from "../shops";
import { signConnectState } from "./connect/state";
import { issueState } from "./connect/state-store";

export { tiktokOAuthCallback } from "./connect/oauth-routes";

export const tiktokConnectApi = new Hono<AppEnv>()
	.use(shopSession())
	.post("/connect", doc("Start connecting the TikTok shop: returns the authorize URL"), async (c) => {
		const cfg = config(c.env);
		const issued = await signConnectState(c.var.shopId, cfg.TIKTOK_APP_SECRET);
		await issueState(c.var.db, issued);
		const url = new URL("/auth/tiktok/start", cfg.APP_URL);
		url.searchParams.set("state", issued.state);
		return c.json({ authorizeUrl: url.href });
	})
	.post("/disconnect", doc("Disconnect the TikTok shop"), async (c) => {
		const disconnected = await clearTikTokConnection(c.var.db, c.var.shopId);
		return c.json({ disconnected });
	})
	.get("/status", doc("TikTok connection status"), async (c) => {
		const shop = await findShop(c.var.db, c.var.shopId);
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
