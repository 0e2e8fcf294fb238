/**
 * The HMAC Shopify puts on OAuth redirects (install link, callback): hex
 * HMAC-SHA256 with the client secret over every query parameter except `hmac`
 * and `signature`, keys sorted, `k=v` URL-encoded and joined by `&` (spaces as
 * %20), with a ±90 s window on `timestamp`. Compared as bytes in constant time.
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/get-access-tokens/authorization-code-grant#step-1-verify-the-installation-request
 * @see https://github.com/Shopify/shopify-app-js/blob/main/packages/apps/shopify-api/lib/utils/hmac-validator.ts
 */
import { fromHex, toHex } from "../../crypto/encoding";
import { hmacSha256, verifyHmac } from "../../crypto/hmac";

export const TIMESTAMP_TOLERANCE_SECONDS = 90;

export type QueryHmacResult = { ok: true } | { ok: false; reason: "missing_hmac" | "bad_hmac" | "stale_timestamp" };

export function queryHmacMessage(params: Record<string, string>): string {
	const search = new URLSearchParams();
	for (const key of Object.keys(params)
		.filter((k) => k !== "hmac" && k !== "signature")
		.sort((a, b) => a.localeCompare(b)))
		search.append(key, params[key]);
	return search.toString().replace(/\+/g, "%20");
}

/** The hex HMAC of a query, as Shopify signs it (tests and the sandbox contract). */
export async function signQuery(params: Record<string, string>, secret: string): Promise<string> {
	return toHex(await hmacSha256(secret, queryHmacMessage(params)));
}

export async function verifyQueryHmac(
	params: Record<string, string>,
	secrets: string[],
	nowSeconds = Math.floor(Date.now() / 1000),
): Promise<QueryHmacResult> {
	if (!params.hmac) return { ok: false, reason: "missing_hmac" };
	const valid = await verifyHmac(secrets, queryHmacMessage(params), fromHex(params.hmac));
	if (!valid) return { ok: false, reason: "bad_hmac" };
	const timestamp = Number(params.timestamp);
	if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > TIMESTAMP_TOLERANCE_SECONDS)
		return { ok: false, reason: "stale_timestamp" };
	return { ok: true };
}
