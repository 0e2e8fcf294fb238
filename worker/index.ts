/**
 * The Worker entry only composes: the Hono app, the queue consumer, the cron
 * reconcile, and the per-shop Durable Object class.
 */
import { app } from "./app";
import { handleQueue } from "./queue/handler";
import type { QueueMessage } from "./jobs/messages";
import { runScheduled } from "./queue/scheduled";

export default {
	fetch: app.fetch,
	queue: handleQueue,
	scheduled: runScheduled,
} satisfies ExportedHandler<Env, QueueMessage>;

export { ShopLimiter } from "./pacing/shop-limiter";
