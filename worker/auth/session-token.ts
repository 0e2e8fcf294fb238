/**
 * Shopify session tokens (App Bridge id tokens): HS256 JWTs signed with the app's
 * client secret, valid for one minute. The shop a request may touch is taken from
 * `dest`, never from a parameter.
 *
 * Checks, as Shopify's own library does: signature (current or previous secret
 * during a rotation), `aud` = the app's client id, `exp`/`nbf` with 10 s of clock
 * leeway, and `iss` on the same shop as `dest`.
 * @see https://shopify.dev/docs/apps/auth/session-tokens
 */
import { sign, verify } from "hono/jwt";
import { z } from "zod";

const LEEWAY_SECONDS = 10;
export const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

const Claims = z.object({
	iss: z.string(),
	dest: z.string(),
	aud: z.union([z.string(), z.array(z.string())]),
	sub: z.string().optional(),
	exp: z.number(),
	nbf: z.number(),
	iat: z.number().optional(),
	jti: z.string().optional(),
	sid: z.string().optional(),
});

export type SessionTokenResult =
	| { ok: true; shop: string; userId?: string }
	| { ok: false; reason: "malformed" | "bad_signature" | "expired" | "not_yet_valid" | "wrong_audience" | "bad_shop" };

function hostOf(url: string): string | null {
	try {
		return new URL(url).host;
	} catch {
		return null;
	}
}

export async function verifySessionToken(
	token: string,
	keys: { clientId: string; secrets: string[] },
	nowSeconds = Math.floor(Date.now() / 1000),
): Promise<SessionTokenResult> {
	let payload: unknown = null;
	for (const secret of keys.secrets) {
		try {
			// exp/nbf/iat are checked below with Shopify's leeway.
			payload = await verify(token, secret, { alg: "HS256", exp: false, nbf: false, iat: false });
			break;
		} catch (error) {
			if (!(error instanceof Error) || !/signature/i.test(error.name + error.message)) return { ok: false, reason: "malformed" };
		}
	}
	if (payload === null) return { ok: false, reason: "bad_signature" };
	const claims = Claims.safeParse(payload);
	if (!claims.success) return { ok: false, reason: "malformed" };
	const { aud, exp, nbf, dest, iss, sub } = claims.data;
	if (!(Array.isArray(aud) ? aud.includes(keys.clientId) : aud === keys.clientId)) return { ok: false, reason: "wrong_audience" };
	if (exp + LEEWAY_SECONDS < nowSeconds) return { ok: false, reason: "expired" };
	if (nbf - LEEWAY_SECONDS > nowSeconds) return { ok: false, reason: "not_yet_valid" };
	const shop = hostOf(dest);
	if (!shop || !MYSHOPIFY_DOMAIN.test(shop) || hostOf(iss) !== shop) return { ok: false, reason: "bad_shop" };
	return { ok: true, shop, userId: sub };
}

/** Mints a token shaped like App Bridge's; used by the local dev session and by tests. */
export function mintSessionToken(
	shop: string,
	keys: { clientId: string; secret: string },
	nowSeconds = Math.floor(Date.now() / 1000),
	ttlSeconds = 60,
) {
	return sign(
		{
			iss: `https://${shop}/admin`,
			dest: `https://${shop}`,
			aud: keys.clientId,
			sub: "1",
			exp: nowSeconds + ttlSeconds,
			nbf: nowSeconds,
			iat: nowSeconds,
			jti: crypto.randomUUID(),
			sid: crypto.randomUUID(),
		},
		keys.secret,
		"HS256",
	);
}
