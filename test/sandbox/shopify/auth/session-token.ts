/**
 * Verifies an App Bridge session token (HS256 JWT signed with the client secret)
 * before a token exchange, as Shopify does: signature, `aud` = client id, `dest` =
 * this shop, not expired (10 s leeway, like Shopify's libraries).
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens
 */
import { verifyHmac } from "../../../../worker/crypto/hmac";

const LEEWAY_SECONDS = 10;

function base64UrlDecode(part: string): Uint8Array<ArrayBuffer> {
	const text = atob(
		part
			.replace(/-/g, "+")
			.replace(/_/g, "/")
			.padEnd(Math.ceil(part.length / 4) * 4, "="),
	);
	return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export type SessionTokenCheck = { ok: true; sub: string | null } | { ok: false; reason: string };

export async function verifySessionToken(
	token: string,
	opts: { clientId: string; secret: string; shop: string; nowSeconds: number },
): Promise<SessionTokenCheck> {
	const parts = token.split(".");
	if (parts.length !== 3) return { ok: false, reason: "malformed" };
	let header: { alg?: string };
	let claims: { aud?: string | string[]; dest?: string; exp?: number; nbf?: number; sub?: string };
	try {
		header = JSON.parse(new TextDecoder().decode(base64UrlDecode(parts[0])));
		claims = JSON.parse(new TextDecoder().decode(base64UrlDecode(parts[1])));
	} catch {
		return { ok: false, reason: "malformed" };
	}
	if (header.alg !== "HS256") return { ok: false, reason: "unsupported alg" };
	let signature: Uint8Array<ArrayBuffer>;
	try {
		signature = base64UrlDecode(parts[2]);
	} catch {
		return { ok: false, reason: "malformed" };
	}
	if (!(await verifyHmac([opts.secret], `${parts[0]}.${parts[1]}`, signature))) return { ok: false, reason: "bad signature" };
	const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
	if (!audiences.includes(opts.clientId)) return { ok: false, reason: "wrong audience" };
	if (claims.dest !== `https://${opts.shop}`) return { ok: false, reason: "wrong shop" };
	if (typeof claims.exp !== "number" || claims.exp + LEEWAY_SECONDS < opts.nowSeconds) return { ok: false, reason: "expired" };
	if (typeof claims.nbf === "number" && claims.nbf - LEEWAY_SECONDS > opts.nowSeconds) return { ok: false, reason: "not yet valid" };
	return { ok: true, sub: claims.sub ?? null };
}
