/**
 * The browser half of Connect TikTok Shop, both top-level navigations under /auth/tiktok:
 * - GET /start?state    → claims the state for this browser (once), leaves the cookie that binds
 *   it (browser-mark) and redirects to TikTok's authorize page.
 * - GET /callback?state&code → needs a valid state, this browser's cookie and an unused state
 *   (consumed atomically, so of two callbacks only one goes on), then completes the connection
 *   and redirects to `/#/settings?tiktok=connected` (or `?tiktok=error&code=…`).
 * Every refusal is an HTML page with a 4xx and changes nothing. Real TikTok takes the redirect
 * URI from Partner Center; sending `redirect_uri` too is harmless there and lets the local
 * sandbox redirect back.
 * @see https://partner.tiktokshop.com/docv2/page/authorization-overview-202407
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { config } from "../../config";
import { browserHasMark, clearMark, markBrowser } from "./browser-mark";
import { completeConnection } from "./complete";
import { refusalPage } from "./refusal-page";
import { type StateRefusal, verifyConnectState } from "./state";
import { consumeState, startState } from "./state-store";

const appUrl = (env: Env) => config(env).APP_URL.replace(/\/+$/, "");

const AGAIN = "Start the connection again from Settings.";
const stateMessages: Record<StateRefusal | "missing", string> = {
	missing: `The link has no authorization state. ${AGAIN}`,
	malformed: `The authorization state is malformed. ${AGAIN}`,
	bad_signature: `The authorization state was not issued by this app. ${AGAIN}`,
	expired: `The authorization took longer than 10 minutes. ${AGAIN}`,
};

async function checkedState(c: Context<AppEnv>) {
	const state = c.req.query("state");
	if (!state) return { ok: false as const, reason: "missing" as const };
	return verifyConnectState(state, config(c.env).TIKTOK_APP_SECRET);
}

/** Mounted at /auth/tiktok. */
export const tiktokOAuthCallback = new Hono<AppEnv>()
	.get("/start", async (c) => {
		const cfg = config(c.env);
		const verified = await checkedState(c);
		if (!verified.ok) return refusalPage(c, "BAD_REQUEST", stateMessages[verified.reason]);
		if (!(await startState(c.var.db, verified.shopId, verified.jti))) {
			return refusalPage(c, "CONFLICT", `This connection link was already opened, used or has expired. ${AGAIN}`);
		}
		await markBrowser(c, verified.jti, cfg.TIKTOK_APP_SECRET);
		const url = new URL("/oauth/authorize", cfg.TIKTOK_AUTH_BASE);
		url.searchParams.set("app_key", cfg.TIKTOK_APP_KEY);
		url.searchParams.set("state", c.req.query("state") ?? "");
		url.searchParams.set("redirect_uri", `${appUrl(c.env)}/auth/tiktok/callback`);
		return c.redirect(url.href, 302);
	})
	.get("/callback", async (c) => {
		const secret = config(c.env).TIKTOK_APP_SECRET;
		const verified = await checkedState(c);
		if (!verified.ok) return refusalPage(c, "BAD_REQUEST", stateMessages[verified.reason]);
		// Checked before consuming, so a foreign browser cannot burn the merchant's state either.
		if (!(await browserHasMark(c, verified.jti, secret))) {
			return refusalPage(c, "FORBIDDEN", `This authorization was not started from this browser. ${AGAIN}`);
		}
		if (!(await consumeState(c.var.db, verified.shopId, verified.jti))) {
			return refusalPage(c, "CONFLICT", `This authorization was already used. ${AGAIN}`);
		}
		clearMark(c);
		const settings = `${appUrl(c.env)}/#/settings`;
		const code = c.req.query("code");
		if (!code) return c.redirect(`${settings}?tiktok=error&code=denied`, 302);
		const result = await completeConnection(c.env, c.var.db, verified.shopId, code);
		if (!result.ok) {
			const tiktokCode = result.error?.code ? `&tiktok_code=${result.error.code}` : "";
			console.warn(
				JSON.stringify({
					level: "warn",
					event: "tiktok_connect_failed",
					shop: verified.shopId,
					reason: result.reason,
					code: result.error?.code,
					requestId: result.error?.requestId,
				}),
			);
			return c.redirect(`${settings}?tiktok=error&code=${result.reason}${tiktokCode}`, 302);
		}
		return c.redirect(`${settings}?tiktok=connected`, 302);
	});
