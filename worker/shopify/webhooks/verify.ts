/**
 * Webhook authenticity: `X-Shopify-Hmac-Sha256` is base64(HMAC-SHA256(client
 * secret, raw body bytes)). Verified over the exact bytes received, before any
 * parsing, and compared as the 32 decoded bytes in constant time. During a
 * client-secret rotation Shopify may sign with either secret for up to an hour,
 * so each configured secret is tried (current first).
 * @see https://shopify.dev/docs/apps/build/webhooks/verify-deliveries
 * @see https://developers.cloudflare.com/workers/examples/protect-against-timing-attacks/
 */
import { fromBase64, toBase64 } from "../../crypto/encoding";
import { hmacSha256, verifyHmac } from "../../crypto/hmac";

export async function verifyWebhookHmac(
	body: ArrayBuffer | Uint8Array,
	header: string | null | undefined,
	secrets: string[],
): Promise<boolean> {
	return !!header && verifyHmac(secrets, body, fromBase64(header.trim()));
}

/** base64 HMAC of a body, as Shopify computes it; used by tests, the sandbox contract and the benchmark. */
export async function signWebhookBody(body: ArrayBuffer | Uint8Array | string, secret: string): Promise<string> {
	return toBase64(await hmacSha256(secret, body));
}
