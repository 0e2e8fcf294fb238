/**
 * The byte encodings around MACs, keys and sealed values, written once. Not
 * `Uint8Array.prototype.toHex` / `Uint8Array.fromBase64`: TypeScript 5.9's libs
 * do not declare them yet, and Node 22 (scripts) does not have them.
 */
export function toHex(bytes: Uint8Array): string {
	let out = "";
	for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
	return out;
}

/** Either case; null for anything that is not whole bytes of hex. */
export function fromHex(text: string): Uint8Array<ArrayBuffer> | null {
	if (text.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(text)) return null;
	return Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

export function toBase64(bytes: Uint8Array): string {
	let binary = "";
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** Null for text that is not base64, so a forged header is a value, not an exception. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
	try {
		return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
	} catch {
		return null;
	}
}
