/**
 * POST /webhooks/tiktok: TikTok Shop product webhooks (type 5 status change,
 * type 37 audit change, type 6 deauthorization). Verified over the raw bytes
 * before parsing, deduplicated on `tts_notification_id` (TikTok signs no
 * timestamp, so a replay is only caught by the id), answered 200 at once; the
 * work (reading the product's current state) runs on the queue. Because the job
 * reads the product from TikTok, out-of-order deliveries cannot move a product
 * backwards. An unknown TikTok shop is acknowledged and ignored: TikTok retries
 * non-2xx for hours and nothing here would change.
 * @see tiktok-shop-api.md §7
 */
import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { config } from "../../config";
import { webhookReceipts } from "../../db/schema";
import { AppError } from "../../http/errors";
import type { QueueMessage } from "../../jobs";
import { findShopByTikTokShop, revokeTikTokTokens } from "../../shops";
import { verifyTikTokWebhook } from "../../tiktok";

const MAX_BODY_BYTES = 64 * 1024;
const PRODUCT_TYPES = new Set([5, 37]);
const DEAUTHORIZATION = 6;

async function bodyDigest(body: ArrayBuffer): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", body);
	return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export const tiktokWebhooks = new Hono<AppEnv>().post("/", async (c) => {
	const raw = await c.req.arrayBuffer();
	if (raw.byteLength > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Webhook body is too large.");
	const cfg = config(c.env);
	const verified = await verifyTikTokWebhook(raw, c.req.header("authorization"), {
		appKey: cfg.TIKTOK_APP_KEY,
		appSecret: cfg.TIKTOK_APP_SECRET,
	});
	if (!verified.ok) {
		if (verified.reason === "malformed_body") throw new AppError("BAD_REQUEST", "Webhook body is not a TikTok Shop notification.");
		throw new AppError("UNAUTHORIZED", "Webhook signature is missing or invalid.");
	}
	const { envelope } = verified;
	const shop = await findShopByTikTokShop(c.var.db, envelope.shop_id);
	if (!shop) return c.body(null, 200);
	const deliveryId = envelope.tts_notification_id ?? (await bodyDigest(raw));
	const [fresh] = await c.var.db
		.insert(webhookReceipts)
		.values({
			shopId: shop.id,
			source: "tiktok",
			deliveryId,
			eventId: null,
			topic: String(envelope.type),
			triggeredAt: String(envelope.timestamp),
			receivedAt: Date.now(),
		})
		.onConflictDoNothing()
		.returning({ deliveryId: webhookReceipts.deliveryId });
	if (!fresh) return c.body(null, 200);

	const productId = envelope.data.product_id;
	if (PRODUCT_TYPES.has(envelope.type) && (typeof productId === "string" || typeof productId === "number")) {
		const message: QueueMessage = { type: "review.refresh", shopId: shop.id, tiktokProductId: String(productId) };
		await c.env.SYNC_QUEUE.send(message);
	} else if (envelope.type === DEAUTHORIZATION) {
		await revokeTikTokTokens(c.var.db, shop.id, Date.now());
	}
	return c.body(null, 200);
});
