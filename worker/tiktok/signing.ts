/**
 * TikTok Shop request signing (API 202309).
 *
 *   sign = hex(HMAC_SHA256(app_secret,
 *            app_secret + path + concat(sorted(k + v) for query params except sign, access_token) + body + app_secret))
 *
 * - Keys are sorted by plain code-unit order; values are the DECODED values.
 * - Arrays are joined with "," exactly as the official SDK does, both here and on the wire
 *   (see `queryValue`), so the signed string and the sent URL cannot disagree.
 * - The body is the exact string that is sent (never re-serialised) and is left out when the
 *   media type is multipart/form-data; only the media type is compared, so a
 *   `multipart/form-data; boundary=…` header is recognised too.
 * @see https://partner.tiktokshop.com/docv2/page/sign-your-api-request
 */
import { toHex } from "../crypto/encoding";
import { hmacSha256 } from "../crypto/hmac";

export type QueryValue = string | number | boolean | readonly string[];
export type Query = Record<string, QueryValue | undefined>;

/** Parameters that never take part in the signature. */
const UNSIGNED = new Set(["sign", "access_token"]);

/** The one rendering of a query value, shared by the signer and the URL builder. */
export function queryValue(value: QueryValue): string {
	return Array.isArray(value) ? value.join(",") : String(value);
}

/** `multipart/form-data; boundary=x` → true; any other (or no) media type → false. */
export function isMultipart(contentType: string | null | undefined): boolean {
	return (contentType ?? "").split(";")[0].trim().toLowerCase() === "multipart/form-data";
}

export type SignInput = {
	appSecret: string;
	/** Path only: no host, no query string, e.g. `/product/202309/products`. */
	path: string;
	query: Query;
	/** The exact body string sent, or undefined when there is none. */
	body?: string;
	contentType?: string | null;
};

/** The string that is HMAC'd; exported so tests can show exactly what was signed. */
export function signatureBaseString({ appSecret, path, query, body, contentType }: SignInput): string {
	const params = Object.keys(query)
		.filter((key) => !UNSIGNED.has(key) && query[key] !== undefined)
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
		.map((key) => key + queryValue(query[key] as QueryValue))
		.join("");
	const signedBody = body !== undefined && !isMultipart(contentType) ? body : "";
	return appSecret + path + params + signedBody + appSecret;
}

/** Lowercase hex HMAC-SHA256 signature of a request. */
export async function signRequest(input: SignInput): Promise<string> {
	return toHex(await hmacSha256(input.appSecret, signatureBaseString(input)));
}
