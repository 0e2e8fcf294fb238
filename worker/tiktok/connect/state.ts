/**
 * The OAuth `state` for Connect TikTok Shop: an HS256 JWT (hono/jwt) carrying the Shopify shop
 * (`sub`), a random `jti` and a 10-minute `exp`. It is signed with a key derived from the TikTok
 * app secret for this purpose only (HMAC(app_secret, purpose)), so nothing else signed with that
 * secret (TikTok request signatures) can be replayed as a state, nor a state as anything else.
 *
 * The signature only says "this app issued it for this shop"; that it is used once and by the
 * browser that asked is enforced by the `tiktok_connect_states` row and the cookie (state-store,
 * browser-mark).
 */
import { sign, verify } from "hono/jwt";
import { JwtTokenExpired, JwtTokenSignatureMismatched } from "hono/utils/jwt/types";
import { z } from "zod";
import { toHex } from "../../crypto/encoding";
import { hmacSha256 } from "../../crypto/hmac";

export const STATE_TTL_SECONDS = 600;
const AUDIENCE = "tiktok-connect";

/** A hex key for one purpose, derived from the app secret. */
export async function purposeKey(appSecret: string, purpose: string): Promise<string> {
	return toHex(await hmacSha256(appSecret, purpose));
}

const stateKey = (appSecret: string) => purposeKey(appSecret, "tiktok-connect-state/v2");

export type IssuedState = { state: string; shopId: string; jti: string; expiresAtMs: number };

export async function signConnectState(
	shopId: string,
	appSecret: string,
	nowSeconds = Math.floor(Date.now() / 1000),
): Promise<IssuedState> {
	const jti = crypto.randomUUID();
	const exp = nowSeconds + STATE_TTL_SECONDS;
	const state = await sign({ sub: shopId, jti, aud: AUDIENCE, iat: nowSeconds, exp }, await stateKey(appSecret), "HS256");
	return { state, shopId, jti, expiresAtMs: exp * 1000 };
}

const Claims = z.object({ sub: z.string().min(1), jti: z.string().min(1), exp: z.number() });

export type StateRefusal = "malformed" | "bad_signature" | "expired";
export type ConnectStateResult = { ok: true; shopId: string; jti: string } | { ok: false; reason: StateRefusal };

export async function verifyConnectState(state: string, appSecret: string): Promise<ConnectStateResult> {
	let payload: unknown;
	try {
		payload = await verify(state, await stateKey(appSecret), { alg: "HS256", aud: AUDIENCE });
	} catch (error) {
		if (error instanceof JwtTokenExpired) return { ok: false, reason: "expired" };
		if (error instanceof JwtTokenSignatureMismatched) return { ok: false, reason: "bad_signature" };
		return { ok: false, reason: "malformed" };
	}
	// hono checks `exp` only when present: a state without one is not ours.
	const claims = Claims.safeParse(payload);
	if (!claims.success) return { ok: false, reason: "malformed" };
	return { ok: true, shopId: claims.data.sub, jti: claims.data.jti };
}
