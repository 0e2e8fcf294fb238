/**
 * Webhook authenticity: `X-Shopify-Hmac-Sha256` is base64(HMAC-SHA256(client
 * secret, raw body bytes)). Verified over the exact bytes received, before any
 * parsing, and compared as the 32 decoded bytes in constant time. During a
 * client-secret rotation Shopify may sign with either secret for up to an hour,
 * so each configured secret is tried (current first).
 * @see https://shopify.dev/docs/apps/build/webhooks/verify-deliveries
 * @see https://developers.cloudflare.com/workers/examples/protect-against-timing-attacks/
 */
const SHA256_BYTES = 32;
/** Imported keys, cached once resolved: a pending promise must not cross requests in workerd. */
const keys = new Map<string, CryptoKey>();

async function hmacKey(secret: string): Promise<CryptoKey> {
	const cached = keys.get(secret);
	if (cached) return cached;
	const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
	keys.set(secret, key);
	return key;
}

function decodeBase64(text: string): Uint8Array | null {
	try {
		return Uint8Array.from(atob(text.trim()), (ch) => ch.charCodeAt(0));
	} catch {
		return null;
	}
}

export async function verifyWebhookHmac(body: ArrayBuffer | Uint8Array, header: string | null | undefined, secrets: string[]): Promise<boolean> {
	if (!header) return false;
	const expected = decodeBase64(header);
	// The length says nothing about the secret, so checking it first leaks nothing (and timingSafeEqual throws on unequal lengths).
	if (!expected || expected.byteLength !== SHA256_BYTES) return false;
	let valid = false;
	for (const secret of secrets) {
		if (!secret) continue;
		const actual = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), body));
		// No early exit: every secret is tried, so timing does not reveal which one matched.
		if (crypto.subtle.timingSafeEqual(actual, expected)) valid = true;
	}
	return valid;
}

/** base64 HMAC of a body, as Shopify computes it; used by tests, the sandbox contract and the benchmark. */
export async function signWebhookBody(body: ArrayBuffer | Uint8Array | string, secret: string): Promise<string> {
	const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
	const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), bytes));
	return btoa(String.fromCharCode(...mac));
}
