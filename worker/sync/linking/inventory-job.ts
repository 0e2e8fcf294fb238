/**
 * `tiktok.inventory`: page through every listing of the shop on TikTok (Search
 * Products, every status but deleted) on the shop's read budget, store them,
 * and once the last page is in, forget the ones no longer there, match them all
 * to Shopify products (classify.ts) and mark when the inventory completed. Each
 * delivery reads a few pages and hands the page token on; a redelivered page
 * is stored again, changing nothing.
 */
import { backoffMs, done, type JobContext, type JobOutcome, type QueueMessage, type QueueMessageOf, retryIn } from "../../jobs";
import { INVENTORY_PAGE_SIZE, INVENTORY_PAGES_PER_JOB } from "../../pacing";
import { findShop, markInventoryTaken } from "../../shops";
import { classifyInventory } from "./classify";
import { forgetUnseen, saveListings } from "./listings-repo";

export const startInventory = (queue: Queue<QueueMessage>, shopId: string, now = Date.now()) =>
	queue.send({ type: "tiktok.inventory", shopId, startedAt: now, pageToken: null } satisfies QueueMessage);

export async function runInventory(message: QueueMessageOf<"tiktok.inventory">, ctx: JobContext): Promise<JobOutcome> {
	const { db } = ctx;
	const shop = await findShop(db, message.shopId);
	if (!shop || shop.uninstalledAt || !shop.tiktokShopId) return done;
	const connection = await ctx.tiktok(shop.id);
	if (!connection.ok) return connection.transient ? retryIn(backoffMs(ctx.attempts), connection.reason) : done;
	let pageToken = message.pageToken;
	for (let page = 0; page < INVENTORY_PAGES_PER_JOB; page++) {
		const result = await connection.port.listProducts(pageToken, INVENTORY_PAGE_SIZE);
		if (!result.ok) {
			const { kind, retryAfterMs } = result.failure;
			if (kind === "rate_limited") return retryIn(retryAfterMs ?? 1000, "rate limited");
			if (kind === "transient" || kind === "timeout") return retryIn(backoffMs(ctx.attempts), kind);
			return done; // auth or a refusal: the next reconcile tries again
		}
		await saveListings(db, shop.id, result.value.products, message.startedAt);
		pageToken = result.value.nextPageToken;
		if (!pageToken) break;
		if (page === INVENTORY_PAGES_PER_JOB - 1) {
			await ctx.env.SYNC_QUEUE.send({ ...message, pageToken } satisfies QueueMessage);
			return done;
		}
	}
	await forgetUnseen(db, shop.id, message.startedAt);
	await classifyInventory(ctx.env, db, shop.id);
	await markInventoryTaken(db, shop.id, message.startedAt);
	return done;
}
