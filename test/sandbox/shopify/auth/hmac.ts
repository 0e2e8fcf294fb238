/**
 * HMAC-SHA256 helpers with the client secret: base64 over raw bytes (webhook
 * `X-Shopify-Hmac-Sha256`), hex over the sorted query string (OAuth redirects).
 * @see https://shopify.dev/docs/apps/build/webhooks/verify-deliveries
 */
const encoder = new TextEncoder();

async function hmacBytes(secret: string, message: string | Uint8Array): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
	const data = typeof message === "string" ? encoder.encode(message) : message;
	return new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
}

export function base64(bytes: Uint8Array): string {
	let binary = "";
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

export async function hmacBase64(secret: string, message: string | Uint8Array): Promise<string> {
	return base64(await hmacBytes(secret, message));
}

export async function hmacHex(secret: string, message: string): Promise<string> {
	return [...(await hmacBytes(secret, message))].map((b) => b.toString(16).padStart(2, "0")).join("");
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
