/**
 * HMAC-SHA256 helpers with the client secret: base64 over raw bytes (webhook
 * `X-Shopify-Hmac-Sha256`), hex over the sorted query string (OAuth redirects).
 * The MAC primitive and encodings are the app's pure worker/crypto (pinned to
 * RFC 4231 by test/crypto-hmac.unit.test.ts); what is signed is this sandbox's own.
 * @see https://shopify.dev/docs/apps/build/webhooks/verify-deliveries
 */
import { toBase64, toHex } from "../../../../worker/crypto/encoding";
import { hmacSha256 } from "../../../../worker/crypto/hmac";

export async function hmacBase64(secret: string, message: string | Uint8Array): Promise<string> {
	return toBase64(await hmacSha256(secret, message));
}

export async function hmacHex(secret: string, message: string): Promise<string> {
	return toHex(await hmacSha256(secret, message));
}

/**
 * The message Shopify signs on OAuth redirects: every parameter except `hmac`
 * (and `signature`), keys sorted, URL-encoded as `k=v` joined by `&`, spaces as %20.
 * @see Shopify/shopify-app-js lib/utils/hmac-validator.ts (stringifyQueryForAdmin)
 */
export function queryMessage(params: Record<string, string>): string {
	const sorted = Object.keys(params)
		.filter((k) => k !== "hmac" && k !== "signature")
		.sort((a, b) => a.localeCompare(b));
	const search = new URLSearchParams();
	for (const key of sorted) search.append(key, params[key]);
	return search.toString().replace(/\+/g, "%20");
}
