/**
 * Opaque-looking credentials that still route without a global index: access
 * tokens, refresh tokens and auth codes embed the seller id (base64url), so the
 * Worker can find the seller's Durable Object, which then checks the credential
 * against its own table (unknown → invalid, past expiry → expired).
 */
import { toHex } from "../../../../../worker/crypto/encoding.ts";

export const SELLER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function b64url(text: string): string {
	return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function unb64url(text: string): string | null {
	try {
		return atob(text.replace(/-/g, "+").replace(/_/g, "/"));
	} catch {
		return null;
	}
}

export function randomHex(bytes: number): string {
	return toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function randomAlnum(length: number): string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	return [...crypto.getRandomValues(new Uint8Array(length))].map((b) => alphabet[b % alphabet.length]).join("");
}

/** `TTP_` for access and refresh tokens (as TikTok's samples), `ROW_` for auth codes. */
export function mintCredential(prefix: "TTP_" | "ROW_", sellerId: string): string {
	return `${prefix}${b64url(sellerId)}.${randomHex(24)}`;
}

export function sellerFromCredential(credential: string | null | undefined): string | null {
	const m = /^(?:TTP_|ROW_)([A-Za-z0-9_-]+)\.[0-9a-f]{48}$/.exec(credential ?? "");
	if (!m) return null;
	const sellerId = unb64url(m[1]);
	return sellerId && SELLER_ID_PATTERN.test(sellerId) ? sellerId : null;
}
