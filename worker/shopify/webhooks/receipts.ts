/**
 * Webhook deduplication. A delivery is a duplicate when its `X-Shopify-Webhook-Id`
 * was seen, or its `(topic, X-Shopify-Event-Id)` was (two subscriptions, or a
 * retry with a new webhook id, carry the same event id).
 *
 * The receipt is written after the delivery's effects, alongside its queue
 * messages, and withdrawn if those could not be sent: whenever something fails
 * Shopify retries, and the retry must not be mistaken for a duplicate (every
 * effect is idempotent, so doing it twice is harmless; losing it is not).
 * @see https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates
 */
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { webhookReceipts } from "../../db/schema";
import type { WebhookHeaders } from "./headers";

export function duplicateQuery(db: Db, shopId: string, headers: WebhookHeaders) {
	const sameEvent = headers.eventId ? and(eq(webhookReceipts.topic, headers.topic), eq(webhookReceipts.eventId, headers.eventId)) : sql`0`;
	return db
		.select({ deliveryId: webhookReceipts.deliveryId })
		.from(webhookReceipts)
		.where(
			and(
				eq(webhookReceipts.shopId, shopId),
				eq(webhookReceipts.source, "shopify"),
				or(eq(webhookReceipts.deliveryId, headers.webhookId), sameEvent),
			),
		)
		.limit(1);
}

/** The receipt insert, for a handler to commit with its own writes. */
export function receiptInsert(db: Db, shopId: string, headers: WebhookHeaders, now: number) {
	return (
		db
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
			.onConflictDoNothing()
			.returning({ deliveryId: webhookReceipts.deliveryId })
	);
}

/** True when this call stored the receipt (false: a concurrent twin did). */
export async function recordReceipt(db: Db, shopId: string, headers: WebhookHeaders, now: number): Promise<boolean> {
	return (await receiptInsert(db, shopId, headers, now)).length > 0;
}

export async function withdrawReceipt(db: Db, shopId: string, headers: WebhookHeaders): Promise<void> {
	await db
		.delete(webhookReceipts)
		.where(
			and(eq(webhookReceipts.shopId, shopId), eq(webhookReceipts.source, "shopify"), eq(webhookReceipts.deliveryId, headers.webhookId)),
		);
}
