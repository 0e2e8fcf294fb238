/** The `shop.purge` job: the same purge as the webhooks do inline, for work scheduled later (retention, retries). */
import { done, type JobContext, type JobOutcome, type QueueMessageOf } from "../../jobs";
import { purgeShop } from "./purge-shop";

export async function runShopPurge(message: QueueMessageOf<"shop.purge">, ctx: JobContext): Promise<JobOutcome> {
	await purgeShop(ctx.db, message.shopId, message.scope, Date.now());
	return done;
}
