/**
 * Webhook deduplication. A delivery is a duplicate when its `X-Shopify-Webhook-Id`
 * was seen, or its `(topic, X-Shopify-Event-Id)` was (two subscriptions, or a
 * retry with a new webhook id, carry the same event id).
 *
 * The receipt is written AFTER the delivery's effects and its queue messages:
 * if anything fails midway Shopify retries, and the retry is not mistaken for a
 * duplicate (every effect is idempotent, so doing it twice is harmless; losing it is not).
 * @see https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates
 */
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { webhookReceipts } from "../../db/schema";
import type { WebhookHeaders } from "./headers";

export function duplicateQuery(db: Db, shopId: string, headers: WebhookHeaders) {
	const sameEvent = headers.eventId
		? and(eq(webhookReceipts.topic, headers.topic), eq(webhookReceipts.eventId, headers.eventId))
		: sql`0`;
	return db
		.select({ deliveryId: webhookReceipts.deliveryId })
		.from(webhookReceipts)
		.where(and(eq(webhookReceipts.shopId, shopId), eq(webhookReceipts.source, "shopify"), or(eq(webhookReceipts.deliveryId, headers.webhookId), sameEvent)))
		.limit(1);
}

export async function recordReceipt(db: Db, shopId: string, headers: WebhookHeaders, now: number): Promise<void> {
	await db
		.insert(webhookReceipts)
		.values({
			shopId,
			source: "shopify",
			deliveryId: headers.webhookId,
			eventId: headers.eventId,
			topic: headers.topic,
			triggeredAt: headers.triggeredAt,
			receivedAt: now,
		})
		// Either unique key (delivery id, or topic + event id) makes a concurrent twin a no-op.
		.onConflictDoNothing();
}
