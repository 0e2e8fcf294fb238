/**
 * Binds a connect state to the browser that opened its link: /auth/tiktok/start leaves a signed,
 * HttpOnly cookie holding the state's `jti`, and the callback requires it. The UI lives in the
 * Shopify admin iframe, where a cookie set by an /api call is third-party and often dropped, so
 * the cookie is set on a top-level navigation instead. SameSite=Lax still sends it on TikTok's
 * top-level redirect back to the callback.
 *
 * The jti is readable in the state itself; the signature is what stops anyone who saw the link
 * from minting the matching cookie.
 */
import type { Context } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import { STATE_TTL_SECONDS, purposeKey } from "./state";

const COOKIE = "tiktok_connect";
const PATH = "/auth/tiktok";
const cookieKey = (appSecret: string) => purposeKey(appSecret, "tiktok-connect-cookie/v1");

/** Secure everywhere but plain-http loopback (the local stack), where browsers would drop it. */
function secureFor(url: string): boolean {
	const { protocol, hostname } = new URL(url);
	return !(protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(hostname));
}

export async function markBrowser(c: Context, jti: string, appSecret: string): Promise<void> {
	await setSignedCookie(c, COOKIE, jti, await cookieKey(appSecret), {
		httpOnly: true,
		secure: secureFor(c.req.url),
		sameSite: "Lax",
		path: PATH,
		maxAge: STATE_TTL_SECONDS,
	});
}

/** Whether this browser opened the link of the state `jti`. */
export async function browserHasMark(c: Context, jti: string, appSecret: string): Promise<boolean> {
	return (await getSignedCookie(c, await cookieKey(appSecret), COOKIE)) === jti;
}

export function clearMark(c: Context): void {
	deleteCookie(c, COOKIE, { path: PATH, secure: secureFor(c.req.url) });
}
