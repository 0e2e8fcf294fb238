/**
 * The create's idempotency key: derived from shop, product and attempt
 * generation, so every retry of one attempt reuses it (TikTok answers the first
 * result again) and a merchant's re-sync (a new generation) gets a new one.
 * 64 hex chars, within TikTok's 128.
 */
import { toHex } from "../crypto/encoding";

export async function idempotencyKey(shopId: string, productId: string, generation: number): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`create|${shopId}|${productId}|${generation}`));
	return toHex(new Uint8Array(digest));
}
