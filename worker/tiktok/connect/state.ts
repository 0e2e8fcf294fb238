/**
 * The OAuth `state` for Connect TikTok Shop: `<payload>.<mac>` in base64url, where the payload
 * carries the Shopify shop, an expiry and a nonce, and the MAC is HMAC-SHA256 under a key
 * derived from the TikTok app secret (HMAC(app_secret, purpose)), so the state cannot be
 * replayed as anything else signed with that secret. The callback therefore needs no session:
 * the shop comes from the verified state.
 */
const PURPOSE = "tiktok-connect-state/v1";
export const STATE_TTL_SECONDS = 600;

const encoder = new TextEncoder();

function b64url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromB64url(text: string): Uint8Array<ArrayBuffer> | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
	try {
		return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0));
	} catch {
		return null;
	}
}

async function stateKey(appSecret: string): Promise<CryptoKey> {
	const base = await crypto.subtle.importKey("raw", encoder.encode(appSecret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
	const derived = await crypto.subtle.sign("HMAC", base, encoder.encode(PURPOSE));
	return crypto.subtle.importKey("raw", derived, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

export async function signConnectState(shopId: string, appSecret: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
	const payload = encoder.encode(JSON.stringify({ s: shopId, e: nowSeconds + STATE_TTL_SECONDS, n: crypto.randomUUID() }));
	const mac = await crypto.subtle.sign("HMAC", await stateKey(appSecret), payload);
	return `${b64url(payload)}.${b64url(new Uint8Array(mac))}`;
}

export type ConnectStateResult = { ok: true; shopId: string } | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

export async function verifyConnectState(state: string, appSecret: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<ConnectStateResult> {
	const [payloadPart, macPart, extra] = state.split(".");
	const payload = payloadPart ? fromB64url(payloadPart) : null;
	const mac = macPart ? fromB64url(macPart) : null;
	if (!payload || !mac || extra !== undefined) return { ok: false, reason: "malformed" };
	if (!(await crypto.subtle.verify("HMAC", await stateKey(appSecret), mac, payload))) return { ok: false, reason: "bad_signature" };
	let claims: { s?: unknown; e?: unknown };
	try {
		claims = JSON.parse(new TextDecoder().decode(payload));
	} catch {
		return { ok: false, reason: "malformed" };
	}
	if (typeof claims.s !== "string" || typeof claims.e !== "number") return { ok: false, reason: "malformed" };
	if (claims.e < nowSeconds) return { ok: false, reason: "expired" };
	return { ok: true, shopId: claims.s };
}
