/**
 * The store's OAuth endpoints: `POST /admin/oauth/access_token` (token exchange of
 * an App Bridge session token, refresh-token rotation, authorization-code
 * exchange) and `GET /admin/oauth/authorize` (auto-approved: redirects straight
 * back with a code and a query HMAC, as after a merchant clicks "Install").
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/get-access-tokens/exchange-tokens
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/get-access-tokens/authorization-code-grant
 */
import { hmacHex, queryMessage } from "../auth/hmac";
import { verifySessionToken } from "../auth/session-token";
import { reply, type Reply, type SandboxConfig } from "../env";
import { writeMeta } from "./meta";
import { issueAuthCode, issueTokens, redeemAuthCode, refreshTokens } from "./tokens";

export const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN = "urn:shopify:params:oauth:token-type:offline-access-token";

const oauthError = (status: number, error: string, description: string) => reply(status, { error, error_description: description });

const truthy = (value: unknown) => value === "1" || value === 1 || value === true || value === "true";

export async function tokenEndpoint(
	sql: SqlStorage,
	cfg: SandboxConfig,
	shop: string,
	body: Record<string, unknown>,
	nowMs: number,
): Promise<Reply> {
	if (body.client_id !== cfg.clientId || body.client_secret !== cfg.clientSecret)
		return oauthError(401, "invalid_client", "Client credentials are invalid");
	const grant = body.grant_type;
	if (grant === TOKEN_EXCHANGE) {
		if (body.subject_token_type !== ID_TOKEN) return oauthError(400, "invalid_request", "subject_token_type must be an id_token");
		if (body.requested_token_type !== OFFLINE_TOKEN)
			return oauthError(400, "invalid_request", "The sandbox issues offline access tokens only");
		const check = await verifySessionToken(String(body.subject_token ?? ""), {
			clientId: cfg.clientId,
			secret: cfg.clientSecret,
			shop,
			nowSeconds: Math.floor(nowMs / 1000),
		});
		if (!check.ok) return oauthError(400, "invalid_subject_token", `Session token is invalid: ${check.reason}`);
		writeMeta(sql, "installed", true);
		return reply(200, issueTokens(sql, cfg.scopes, truthy(body.expiring), nowMs));
	}
	if (grant === "refresh_token") {
		const grantResult = refreshTokens(sql, String(body.refresh_token ?? ""), nowMs);
		return grantResult
			? reply(200, grantResult)
			: oauthError(400, "invalid_grant", "The refresh token is invalid, expired or already rotated");
	}
	if (grant === undefined && typeof body.code === "string") {
		const scope = redeemAuthCode(sql, body.code, nowMs);
		if (scope === null) return oauthError(400, "invalid_request", "The authorization code was not found or was already used");
		return reply(200, issueTokens(sql, scope, truthy(body.expiring), nowMs));
	}
	return oauthError(400, "unsupported_grant_type", `Unsupported grant_type ${JSON.stringify(grant)}`);
}

export async function authorizeEndpoint(
	sql: SqlStorage,
	cfg: SandboxConfig,
	shop: string,
	params: Record<string, string>,
	nowMs: number,
): Promise<Reply> {
	if (params.client_id !== cfg.clientId) return reply(400, { errors: "Oauth error invalid_request: The client_id is invalid" });
	let redirect: URL;
	try {
		redirect = new URL(params.redirect_uri ?? "");
	} catch {
		return reply(400, { errors: "Oauth error invalid_request: The redirect_uri is missing or not a URL" });
	}
	const code = issueAuthCode(sql, params.scope || cfg.scopes, nowMs);
	writeMeta(sql, "installed", true);
	const out: Record<string, string> = {
		code,
		host: btoa(`admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}`).replace(/=+$/, ""),
		shop,
		timestamp: String(Math.floor(nowMs / 1000)),
	};
	if (params.state !== undefined) out.state = params.state;
	const hmac = await hmacHex(cfg.clientSecret, queryMessage(out));
	const query = new URLSearchParams({ ...out, hmac });
	for (const [key, value] of query) redirect.searchParams.set(key, value);
	return { status: 302, body: null, location: redirect.toString() };
}
