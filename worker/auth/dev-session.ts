/**
 * POST /auth/dev-session: a session token for the demo shop (DEV_SHOP_DOMAIN), so the UI works at
 * the printed local URL without the Shopify admin. The route exists only when
 * DEV_SESSION_ENABLED is "true", which only local config sets (.dev.vars, tests);
 * otherwise it answers 404 like any unknown path.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { config } from "../config";
import { AppError } from "../http/errors";
import { mintSessionToken } from "./session-token";

export const DEMO_SHOP = "demo-store.myshopify.com";
const TTL_SECONDS = 60;

export const devSession = new Hono<AppEnv>().post("/", async (c) => {
	const cfg = config(c.env);
	if (cfg.DEV_SESSION_ENABLED !== "true") throw new AppError("NOT_FOUND", `No route for POST ${c.req.path}.`);
	const now = Math.floor(Date.now() / 1000);
	const shop = cfg.DEV_SHOP_DOMAIN;
	const token = await mintSessionToken(shop, { clientId: cfg.SHOPIFY_API_KEY, secret: cfg.SHOPIFY_API_SECRET }, now, TTL_SECONDS);
	return c.json({ token, shop, expiresAt: (now + TTL_SECONDS) * 1000 });
});
