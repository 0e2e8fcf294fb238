/**
 * TikTok Shop webhook verification: `Authorization: hex(HMAC_SHA256(app_secret, app_key + raw_body))`
 * (no "Bearer", no timestamp). The HMAC is checked over the raw bytes BEFORE anything is
 * parsed, in constant time (worker/crypto/hmac.ts), with the hex read in either case.
 * No timestamp is signed, so there is no replay protection: dedupe on `tts_notification_id`.
 * The envelope is parsed with big-int-safe JSON: `data.product_id` arrives as a bare number > 2^53.
 * @see https://partner.tiktokshop.com/docv2/page/tts-webhooks-overview
 */
import { z } from "zod";
import { fromHex } from "../crypto/encoding";
import { verifyHmac } from "../crypto/hmac";
import { Id } from "./api/context";
import { parseTikTokJson } from "./json";

const Envelope = z.object({
	type: z.number(),
	/** Present on real deliveries; absent from TikTok's own worked example, so a receiver falls back to a body hash. */
	tts_notification_id: Id.nullable().default(null),
	shop_id: Id,
	timestamp: z.number(),
	data: z.record(z.string(), z.unknown()).default({}),
});

export type TikTokWebhookEnvelope = z.infer<typeof Envelope>;

export type TikTokWebhookVerification =
	| { ok: true; envelope: TikTokWebhookEnvelope }
	| { ok: false; reason: "missing_signature" | "bad_signature" | "malformed_body" };

function toBytes(body: ArrayBuffer | Uint8Array | string): Uint8Array {
	if (typeof body === "string") return new TextEncoder().encode(body);
	return body instanceof Uint8Array ? body : new Uint8Array(body);
}

export async function verifyTikTokWebhook(
	rawBody: ArrayBuffer | Uint8Array | string,
	authorization: string | null | undefined,
	keys: { appKey: string; appSecret: string },
): Promise<TikTokWebhookVerification> {
	const signature = authorization?.trim() ?? "";
	if (!signature) return { ok: false, reason: "missing_signature" };
	const body = toBytes(rawBody);
	const prefix = new TextEncoder().encode(keys.appKey);
	const message = new Uint8Array(prefix.length + body.length);
	message.set(prefix, 0);
	message.set(body, prefix.length);
	if (!(await verifyHmac([keys.appSecret], message, fromHex(signature)))) return { ok: false, reason: "bad_signature" };
	const parsed = parseTikTokJson(new TextDecoder().decode(body));
	if (!parsed.ok) return { ok: false, reason: "malformed_body" };
	const envelope = Envelope.safeParse(parsed.value);
	if (!envelope.success) return { ok: false, reason: "malformed_body" };
	return { ok: true, envelope: envelope.data };
}
