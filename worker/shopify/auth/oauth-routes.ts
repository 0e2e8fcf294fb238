/**
 * The authorization-code grant, for installs outside the Shopify admin
 * (non-embedded, or a merchant following an install link):
 * - GET /auth/install?shop&timestamp&hmac: checks the query HMAC and the shop
 *   domain, remembers a random `state` in a signed, HTTP-only cookie, and
 *   redirects to the shop's authorize page.
 * - GET /auth/callback?code&shop&state&timestamp&hmac(&host): checks the HMAC, the
 *   shop and that `state` is the one in the cookie (so the code was asked for by
 *   this browser), redeems the code for an expiring offline token, then installs
 *   like the token exchange does and redirects to the app.
 * Embedded installs use POST /api/session (token exchange) instead.
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/get-access-tokens/authorization-code-grant
 */
import { Hono } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import type { AppEnv } from "../../app-env";
import { MYSHOPIFY_DOMAIN } from "../../auth/session-token";
import { type AppConfig, config } from "../../config";
import { AppError } from "../../http/errors";
import { findShop } from "../../shops";
import { adminBase, adminGraphql } from "../admin/graphql";
import { completeInstall } from "./install";
import { verifyQueryHmac } from "./query-hmac";
import { saveInstallTokens } from "./shop-tokens";
import { redeemAuthorizationCode } from "./token-endpoint";

/** What the app asks for; the same list as shopify.app.toml's access_scopes. */
export const SCOPES = "read_products,read_inventory";
export const STATE_COOKIE = "shopify_oauth_state";
const STATE_TTL_SECONDS = 600;

const secretsOf = (cfg: AppConfig) => [cfg.SHOPIFY_API_SECRET, cfg.SHOPIFY_API_SECRET_PREVIOUS ?? ""];

async function checkQuery(query: Record<string, string>, cfg: AppConfig): Promise<string> {
	const shop = (query.shop ?? "").toLowerCase();
	if (!MYSHOPIFY_DOMAIN.test(shop)) throw new AppError("BAD_REQUEST", "shop must be a *.myshopify.com domain.");
	const hmac = await verifyQueryHmac(query, secretsOf(cfg));
	if (!hmac.ok) {
		const why = {
			missing_hmac: "The request is not signed by Shopify (no hmac).",
			bad_hmac: "The request's hmac is not valid.",
			stale_timestamp: "The request is too old; start the install again.",
		};
		throw new AppError("UNAUTHORIZED", why[hmac.reason]);
	}
	return shop;
}

export const shopifyOAuth = new Hono<AppEnv>()
	.get("/install", async (c) => {
		const cfg = config(c.env);
		const shop = await checkQuery(c.req.query(), cfg);
		const state = crypto.randomUUID();
		await setSignedCookie(c, STATE_COOKIE, `${shop}|${state}`, cfg.SHOPIFY_API_SECRET, {
			httpOnly: true,
			secure: true,
			sameSite: "Lax",
			path: "/auth",
			maxAge: STATE_TTL_SECONDS,
		});
		const authorize = new URL(`${adminBase(cfg.SHOPIFY_ADMIN_BASE, shop)}/admin/oauth/authorize`);
		authorize.search = new URLSearchParams({
			client_id: cfg.SHOPIFY_API_KEY,
			scope: SCOPES,
			redirect_uri: new URL("/auth/callback", cfg.APP_URL).toString(),
			state,
		}).toString();
		return c.redirect(authorize.toString(), 302);
	})
	.get("/callback", async (c) => {
		const cfg = config(c.env);
		const query = c.req.query();
		const shop = await checkQuery(query, cfg);
		const remembered = await getSignedCookie(c, cfg.SHOPIFY_API_SECRET, STATE_COOKIE);
		if (!remembered || !query.state || remembered !== `${shop}|${query.state}`) {
			throw new AppError("FORBIDDEN", "The install was not started from this browser (state mismatch); start it again.");
		}
		deleteCookie(c, STATE_COOKIE, { path: "/auth", secure: true });
		if (!query.code) throw new AppError("BAD_REQUEST", "The callback has no code.");

		const now = Date.now();
		const redeemed = await redeemAuthorizationCode(cfg, shop, query.code, now);
		if (!redeemed.ok)
			throw new AppError(redeemed.reason === "refused" ? "UNAUTHORIZED" : "UPSTREAM", "Shopify did not exchange the authorization code.");
		const before = await findShop(c.var.db, shop);
		await saveInstallTokens(c.var.db, cfg, shop, redeemed.tokens, now);
		const graphql = adminGraphql({
			base: adminBase(cfg.SHOPIFY_ADMIN_BASE, shop),
			apiVersion: cfg.SHOPIFY_API_VERSION,
			accessToken: redeemed.tokens.accessToken,
		});
		const installed = await completeInstall(c.env, c.var.db, shop, graphql, { restartImport: !!before?.uninstalledAt }, now);
		if (!installed.ok) throw new AppError("UPSTREAM", installed.message);
		const app = new URL("/", cfg.APP_URL);
		app.searchParams.set("shop", shop);
		if (query.host) app.searchParams.set("host", query.host);
		return c.redirect(app.toString(), 302);
	});
