/** Cron: enqueue one reconcile job per installed shop; the work itself runs on the queue. */
import { isNull } from "drizzle-orm";
import { createDb } from "../db/client";
import { shops } from "../db/schema";
import type { QueueMessage } from "./messages";

export async function runScheduled(_controller: ScheduledController, env: Env): Promise<void> {
	const db = createDb(env.DB);
	const installed = await db.select({ id: shops.id }).from(shops).where(isNull(shops.uninstalledAt));
	const messages: MessageSendRequest<QueueMessage>[] = installed.map((shop) => ({ body: { type: "shop.reconcile", shopId: shop.id } }));
	for (let i = 0; i < messages.length; i += 100) await env.SYNC_QUEUE.sendBatch(messages.slice(i, i + 100));
}
