/**
 * HMAC-SHA256, the one implementation behind every MAC the app makes or checks:
 * Shopify webhooks (base64) and OAuth redirects (hex), TikTok request signatures
 * and webhooks (hex). Callers pick the encoding (./encoding.ts).
 */
export type MacInput = string | ArrayBuffer | Uint8Array;

/** Imported keys, cached once resolved: a pending promise must not cross requests in workerd. */
const keys = new Map<string, CryptoKey>();

async function hmacKey(secret: string): Promise<CryptoKey> {
	const cached = keys.get(secret);
	if (cached) return cached;
	const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
		"sign",
		"verify",
	]);
	keys.set(secret, key);
	return key;
}

const bytesOf = (data: MacInput) => (typeof data === "string" ? new TextEncoder().encode(data) : data);

/** The 32-byte MAC of `data` (strings as UTF-8) under `secret`. */
export async function hmacSha256(secret: string, data: MacInput): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), bytesOf(data)));
}

/**
 * Whether `mac` is the MAC of `data` under any of `secrets` (several during a
 * secret rotation; empty ones, an unset previous secret, are skipped).
 * `crypto.subtle.verify` compares in constant time and answers false for a MAC
 * of the wrong length; every secret is tried, so timing does not tell which matched.
 */
export async function verifyHmac(secrets: readonly string[], data: MacInput, mac: Uint8Array<ArrayBuffer> | null): Promise<boolean> {
	if (!mac) return false;
	const bytes = bytesOf(data);
	let valid = false;
	for (const secret of secrets) {
		if (secret && (await crypto.subtle.verify("HMAC", await hmacKey(secret), mac, bytes))) valid = true;
	}
	return valid;
}
