/**
 * The HMAC Shopify puts on OAuth redirects (install link, callback): hex
 * HMAC-SHA256 with the client secret over every query parameter except `hmac`
 * and `signature`, keys sorted, `k=v` URL-encoded and joined by `&` (spaces as
 * %20), with a ±90 s window on `timestamp`. Compared as 32 bytes in constant time.
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/get-access-tokens/authorization-code-grant#step-1-verify-the-installation-request
 * @see https://github.com/Shopify/shopify-app-js/blob/main/packages/apps/shopify-api/lib/utils/hmac-validator.ts
 */
export const TIMESTAMP_TOLERANCE_SECONDS = 90;

export type QueryHmacResult = { ok: true } | { ok: false; reason: "missing_hmac" | "bad_hmac" | "stale_timestamp" };

export function queryHmacMessage(params: Record<string, string>): string {
	const search = new URLSearchParams();
	for (const key of Object.keys(params).filter((k) => k !== "hmac" && k !== "signature").sort((a, b) => a.localeCompare(b))) search.append(key, params[key]);
	return search.toString().replace(/\+/g, "%20");
}

async function hmacBytes(secret: string, message: string): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
	return new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(message)));
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

function fromHex(text: string): Uint8Array | null {
	if (!/^[0-9a-fA-F]{64}$/.test(text)) return null;
	return Uint8Array.from(text.match(/../g)!, (pair) => parseInt(pair, 16));
}

/** The hex HMAC of a query, as Shopify signs it (tests and the sandbox contract). */
export async function signQuery(params: Record<string, string>, secret: string): Promise<string> {
	return hex(await hmacBytes(secret, queryHmacMessage(params)));
}

export async function verifyQueryHmac(params: Record<string, string>, secrets: string[], nowSeconds = Math.floor(Date.now() / 1000)): Promise<QueryHmacResult> {
	const given = params.hmac ? fromHex(params.hmac) : null;
	if (!params.hmac) return { ok: false, reason: "missing_hmac" };
	let valid = false;
	for (const secret of secrets.filter(Boolean)) {
		const actual = await hmacBytes(secret, queryHmacMessage(params));
		if (given && crypto.subtle.timingSafeEqual(actual, given)) valid = true;
	}
	if (!valid) return { ok: false, reason: "bad_hmac" };
	const timestamp = Number(params.timestamp);
	if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: "stale_timestamp" };
	return { ok: true };
}
