/** Cron: enqueue one reconcile job per installed shop; the work itself runs on the queue. */
import { createDb } from "../db/client";
import { installedShopIds } from "../shops";
import type { QueueMessage } from "../jobs";

export async function runScheduled(_controller: ScheduledController, env: Env): Promise<void> {
	const db = createDb(env.DB);
	const installed = await installedShopIds(db);
	const messages: MessageSendRequest<QueueMessage>[] = installed.map((shopId) => ({ body: { type: "shop.reconcile", shopId } }));
	for (let i = 0; i < messages.length; i += 100) await env.SYNC_QUEUE.sendBatch(messages.slice(i, i + 100));
}
