/**
 * TikTok Shop request signature:
 *   hex(HMAC_SHA256(app_secret, app_secret + path + sorted(k + v) + body + app_secret))
 * over every query parameter except `sign` and `access_token`, with the body
 * appended byte for byte unless the media type is multipart/form-data.
 * @see https://partner.tiktokshop.com/docv2/page/sign-your-api-request
 */
const encoder = new TextEncoder();

export async function hmacHex(secret: string, message: string): Promise<string> {
	const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
	const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(message));
	return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const UNSIGNED = new Set(["sign", "access_token", "x-tts-access-token"]);

export function signatureBase(secret: string, path: string, query: [string, string][], body: string): string {
	const params = query.filter(([k]) => !UNSIGNED.has(k));
	// Plain code-unit order (byte order for the ASCII keys TikTok uses); sort is stable for repeated keys.
	params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	return secret + path + params.map(([k, v]) => k + v).join("") + body + secret;
}

export async function expectedSign(secret: string, path: string, query: [string, string][], body: string): Promise<string> {
	return hmacHex(secret, signatureBase(secret, path, query, body));
}

/** Constant-time comparison of two hex digests, case-insensitive. */
export function sameDigest(a: string, b: string): boolean {
	const x = a.toLowerCase();
	const y = b.toLowerCase();
	let diff = x.length ^ y.length;
	for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x.charCodeAt(i) || 0) ^ (y.charCodeAt(i) || 0);
	return diff === 0;
}

export function isMultipart(contentType: string | null): boolean {
	return (contentType ?? "").split(";")[0].trim().toLowerCase() === "multipart/form-data";
}
