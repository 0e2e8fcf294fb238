/**
 * Tokens at rest: AES-256-GCM with a random 96-bit IV per value, key from the
 * TOKEN_ENCRYPTION_KEY secret. Stored as `v1.<iv b64>.<ciphertext b64>`; the
 * version prefix leaves room for key rotation. The shop id is bound as
 * additional data, so a ciphertext copied onto another shop's row fails to open.
 */
/** Imported keys, cached once resolved: a pending promise must not cross requests in workerd. */
const keys = new Map<string, CryptoKey>();

async function importKey(base64Key: string): Promise<CryptoKey> {
	const cached = keys.get(base64Key);
	if (cached) return cached;
	const raw = Uint8Array.from(atob(base64Key), (ch) => ch.charCodeAt(0));
	const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
	keys.set(base64Key, key);
	return key;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

export async function sealSecret(plaintext: string, shopId: string, base64Key: string): Promise<string> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const sealed = await crypto.subtle.encrypt(
		{ name: "AES-GCM", iv, additionalData: new TextEncoder().encode(shopId) },
		await importKey(base64Key),
		new TextEncoder().encode(plaintext),
	);
	return `v1.${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`;
}

/** Returns null when the value is missing, malformed, or sealed for another shop or key. */
export async function openSecret(sealed: string | null | undefined, shopId: string, base64Key: string): Promise<string | null> {
	if (!sealed) return null;
	const [version, iv, data] = sealed.split(".");
	if (version !== "v1" || !iv || !data) return null;
	try {
		const plain = await crypto.subtle.decrypt(
			{ name: "AES-GCM", iv: fromBase64(iv), additionalData: new TextEncoder().encode(shopId) },
			await importKey(base64Key),
			fromBase64(data),
		);
		return new TextDecoder().decode(plain);
	} catch {
		return null;
	}
}
