/**
 * Every message on the sync queue, one zod schema per job type. Messages are
 * small references (ids, cursors), never payloads: a queue message is capped at
 * 128 KB and D1 holds the data. Each job is idempotent, because Queues deliver
 * at least once and in no particular order.
 */
import { z } from "zod";

const shopId = z.string().min(1);

export const QueueMessage = z.discriminatedUnion("type", [
	/** Re-evaluate one product after a Shopify change: assignment, sync or push. */
	z.object({ type: z.literal("product.changed"), shopId, productId: z.string(), reason: z.string().optional() }),
	/** Fetch the variants Shopify cut from a webhook payload (more than 100). */
	/** `announce`: send product.changed after the read even when it changed nothing (the webhook held its own back). */
	z.object({ type: z.literal("product.complete"), shopId, productId: z.string(), announce: z.boolean().optional() }),
	/** One page of the catalogue import; enqueues the next page itself. */
	z.object({ type: z.literal("import.page"), shopId, importId: z.string(), cursor: z.string().nullable() }),
	/** Fan-out of a sync run: enqueues the next chunk of products after `after`, then itself. */
	z.object({ type: z.literal("sync.fanout"), shopId, runId: z.string(), after: z.string().nullable() }),
	/** Create (or adopt) the TikTok listing for one product. */
	z.object({ type: z.literal("sync.product"), shopId, productId: z.string(), runId: z.string().nullable(), generation: z.number().int() }),
	/** Push a change of a synced product: price, inventory, content, or deactivation. */
	z.object({
		type: z.literal("sync.push"),
		shopId,
		productId: z.string(),
		what: z.enum(["price", "inventory", "content", "deactivate"]),
	}),
	/** Move one TikTok product through review states (from a TikTok webhook or a reconcile). */
	z.object({ type: z.literal("review.refresh"), shopId, tiktokProductId: z.string() }),
	/** Periodic reconcile of review states and quota-paused products for one shop. */
	z.object({ type: z.literal("shop.reconcile"), shopId }),
	/** One delivery of the inventory of the shop's TikTok listings (started at `startedAt`), from `pageToken` on. */
	z.object({ type: z.literal("tiktok.inventory"), shopId, startedAt: z.number().int(), pageToken: z.string().nullable() }),
	/** Uninstall / redact clean-up, done off the webhook's request. */
	z.object({ type: z.literal("shop.purge"), shopId, scope: z.enum(["tokens", "all"]) }),
]);

export type QueueMessage = z.infer<typeof QueueMessage>;
export type QueueMessageOf<T extends QueueMessage["type"]> = Extract<QueueMessage, { type: T }>;
