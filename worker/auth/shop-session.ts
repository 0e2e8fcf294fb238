/**
 * Middleware for every `/api` route that touches shop data: the shop comes only
 * from a verified session token (`Authorization: Bearer <jwt>`), and every query
 * downstream is scoped with `c.var.shopId`.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { config } from "../config";
import { AppError } from "../http/errors";
import { verifySessionToken } from "./session-token";

const reasons = {
	malformed: "The session token is malformed.",
	bad_signature: "The session token's signature is not valid for this app.",
	expired: "The session token has expired; App Bridge issues a new one per request.",
	not_yet_valid: "The session token is not valid yet.",
	wrong_audience: "The session token was issued for another app.",
	bad_shop: "The session token does not name a valid shop.",
} as const;

export const shopSession = () =>
	createMiddleware<AppEnv>(async (c, next) => {
		const header = c.req.header("authorization") ?? "";
		const token = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
		if (!token) throw new AppError("UNAUTHORIZED", "Missing session token (Authorization: Bearer <token>).");
		const cfg = config(c.env);
		const secrets = [cfg.SHOPIFY_API_SECRET, cfg.SHOPIFY_API_SECRET_PREVIOUS].filter((s): s is string => !!s);
		const result = await verifySessionToken(token, { clientId: cfg.SHOPIFY_API_KEY, secrets });
		if (!result.ok) throw new AppError("UNAUTHORIZED", reasons[result.reason]);
		c.set("shopId", result.shop);
		await next();
	});
