/**
 * TikTok Shop request signature:
 *   hex(HMAC_SHA256(app_secret, app_secret + path + sorted(k + v) + body + app_secret))
 * over every query parameter except `sign` and `access_token`, with the body
 * appended byte for byte unless the media type is multipart/form-data.
 * The MAC primitive and hex are the app's pure worker/crypto (pinned to RFC 4231
 * by test/crypto-hmac.unit.test.ts); the base string is built here, independently.
 * @see https://partner.tiktokshop.com/docv2/page/sign-your-api-request
 */
import { fromHex, toHex } from "../../../../../worker/crypto/encoding.ts";
import { hmacSha256, verifyHmac } from "../../../../../worker/crypto/hmac.ts";

export async function hmacHex(secret: string, message: string): Promise<string> {
	return toHex(await hmacSha256(secret, message));
}

const UNSIGNED = new Set(["sign", "access_token", "x-tts-access-token"]);

export function signatureBase(secret: string, path: string, query: [string, string][], body: string): string {
	const params = query.filter(([k]) => !UNSIGNED.has(k));
	// Plain code-unit order (byte order for the ASCII keys TikTok uses); sort is stable for repeated keys.
	params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	return secret + path + params.map(([k, v]) => k + v).join("") + body + secret;
}

/** Whether `sign` (hex, either case) is the request's signature, compared in constant time. */
export function signatureMatches(secret: string, path: string, query: [string, string][], body: string, sign: string): Promise<boolean> {
	return verifyHmac([secret], signatureBase(secret, path, query, body), fromHex(sign));
}

export function isMultipart(contentType: string | null): boolean {
	return (contentType ?? "").split(";")[0].trim().toLowerCase() === "multipart/form-data";
}
