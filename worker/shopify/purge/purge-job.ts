/** The `shop.purge` job: the same purge as the webhooks do inline, for work scheduled later (retention, retries). */
import type { JobContext } from "../../queue/job-context";
import type { QueueMessageOf } from "../../queue/messages";
import { done, type JobOutcome } from "../../queue/outcome";
import { purgeShop } from "./purge-shop";

export async function runShopPurge(message: QueueMessageOf<"shop.purge">, ctx: JobContext): Promise<JobOutcome> {
	await purgeShop(ctx.db, message.shopId, message.scope, Date.now());
	return done;
}
