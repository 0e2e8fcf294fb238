/**
 * A deliberately tiny TikTok Shop request signer for the sandbox's own tests,
 * building the base string independently of worker/tiktok/signing.ts so a bug in
 * one cannot hide the same bug in the other. The MAC itself is worker/crypto's,
 * pinned to RFC 4231 by test/crypto-hmac.unit.test.ts.
 *   sign = hex(HMAC_SHA256(secret, secret + path + sorted(k + v) + body + secret))
 * @see https://partner.tiktokshop.com/docv2/page/sign-your-api-request
 */
import { toHex } from "../../worker/crypto/encoding";
import { hmacSha256 } from "../../worker/crypto/hmac";

export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
	return toHex(await hmacSha256(secret, message));
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
