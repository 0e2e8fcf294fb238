/**
 * Tokens at rest: AES-256-GCM with a random 96-bit IV per value, key from the
 * TOKEN_ENCRYPTION_KEY secret. Stored as `v1.<iv b64>.<ciphertext b64>`; the
 * version prefix leaves room for key rotation. The shop id is bound as
 * additional data, so a ciphertext copied onto another shop's row fails to open.
 */
import { fromBase64, toBase64 } from "./encoding";

/** Imported keys, cached once resolved: a pending promise must not cross requests in workerd. */
const keys = new Map<string, CryptoKey>();

async function importKey(base64Key: string): Promise<CryptoKey> {
	const cached = keys.get(base64Key);
	if (cached) return cached;
	const raw = fromBase64(base64Key);
	if (!raw) throw new Error("TOKEN_ENCRYPTION_KEY is not base64");
	const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
	keys.set(base64Key, key);
	return key;
}

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
	const [version, ivText, dataText] = sealed.split(".");
	const iv = fromBase64(ivText ?? "");
	const data = fromBase64(dataText ?? "");
	if (version !== "v1" || !iv || !data) return null;
	try {
		const plain = await crypto.subtle.decrypt(
			{ name: "AES-GCM", iv, additionalData: new TextEncoder().encode(shopId) },
			await importKey(base64Key),
			data,
		);
		return new TextDecoder().decode(plain);
	} catch {
		return null;
	}
}
