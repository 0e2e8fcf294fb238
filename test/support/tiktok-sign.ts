/**
 * A deliberately tiny, independent TikTok Shop request signer for the sandbox's
 * own tests (the app has its own in worker/tiktok/signing.ts), so a bug in one
 * cannot hide the same bug in the other.
 *   sign = hex(HMAC_SHA256(secret, secret + path + sorted(k + v) + body + secret))
 * @see https://partner.tiktokshop.com/docv2/page/sign-your-api-request
 */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
	const enc = new TextEncoder();
	const key = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
	const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(message)));
	return [...mac].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** `query` excludes `sign`; `access_token` is skipped; `body` is the exact JSON text ("" for none or multipart). */
export function signTikTok(secret: string, path: string, query: Record<string, string>, body = ""): Promise<string> {
	const params = Object.keys(query)
		.filter((k) => k !== "sign" && k !== "access_token")
		.sort()
		.map((k) => k + query[k])
		.join("");
	return hmacSha256Hex(secret, secret + path + params + body + secret);
}
