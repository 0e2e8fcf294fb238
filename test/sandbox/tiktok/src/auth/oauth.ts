/**
 * Seller authorization. Real TikTok shows the seller a consent page and sends the
 * browser to the redirect URL configured for the app in Partner Center; the
 * sandbox approves at once, as `seller_id` (default: the always-present "demo"
 * seller), and redirects to the `redirect_uri` given in the query.
 * Token calls are unsigned GETs with app_key and app_secret in the query.
 * @see https://partner.tiktokshop.com/docv2/page/authorization-overview-202407
 */
import { Hono } from "hono";
import { DEMO_SELLER_ID, type SandboxEnv, appCredentials } from "../env.ts";
import { type Answer, fail, jsonResponse, newRequestId, ok } from "../http/envelope.ts";
import { SELLER_ID_PATTERN, sellerFromCredential } from "./tokens.ts";

export const oauth = new Hono<{ Bindings: SandboxEnv }>();

const respond = (answer: Answer) => jsonResponse(answer.code === 0 ? { ...answer, message: "success" } : answer, newRequestId());

oauth.get("/oauth/authorize", async (c) => {
	const { appKey } = appCredentials(c.env);
	const q = c.req.query();
	if (q.app_key !== appKey && !q.service_id) return respond(fail(36009004, "Invalid credentials. Invalid `app_key` query parameter.", 400));
	const redirect = q.redirect_uri ?? "";
	if (!/^https?:\/\//.test(redirect)) return respond(fail(36009004, "invalid param error (redirect_uri is required by the sandbox)", 400));
	const sellerId = q.seller_id || DEMO_SELLER_ID;
	if (!SELLER_ID_PATTERN.test(sellerId)) return respond(fail(36009004, "invalid param error (seller_id)", 400));
	const code = await c.env.SELLER.getByName(sellerId).authorize(sellerId);
	if (!code) return respond(fail(36009004, `invalid param error (unknown seller ${sellerId})`, 404));
	const target = new URL(redirect);
	target.searchParams.set("code", code);
	if (q.state !== undefined) target.searchParams.set("state", q.state);
	return c.redirect(target.toString(), 302);
});

function checkApp(env: SandboxEnv, q: Record<string, string>): Answer | null {
	const { appKey, appSecret } = appCredentials(env);
	if (q.app_key !== appKey) return fail(36009004, "Invalid credentials. Invalid `app_key` query parameter.", 401);
	if (q.app_secret !== appSecret) return fail(36009004, "Invalid credentials. Invalid `app_secret` query parameter.", 401);
	return null;
}

oauth.get("/api/v2/token/get", async (c) => {
	const q = c.req.query();
	const refused = checkApp(c.env, q);
	if (refused) return respond(refused);
	if (q.grant_type !== "authorized_code") return respond(fail(36009004, "invalid param error (grant_type)", 400));
	const sellerId = sellerFromCredential(q.auth_code);
	const tokens = sellerId ? await c.env.SELLER.getByName(sellerId).exchange(sellerId, q.auth_code) : null;
	return respond(tokens ? ok(tokens) : fail(36004004));
});

oauth.get("/api/v2/token/refresh", async (c) => {
	const q = c.req.query();
	const refused = checkApp(c.env, q);
	if (refused) return respond(refused);
	if (q.grant_type !== "refresh_token") return respond(fail(36009004, "invalid param error (grant_type)", 400));
	const sellerId = sellerFromCredential(q.refresh_token);
	const tokens = sellerId ? await c.env.SELLER.getByName(sellerId).refresh(sellerId, q.refresh_token) : null;
	return respond(tokens ? ok(tokens) : fail(36004004, "Invalid refresh token."));
});
