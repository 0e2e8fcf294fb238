/**
 * `product.changed`: a Shopify product was created, updated or deleted.
 * - Not yet listed: if an active template claims it (or now claims it after an
 *   update), it is queued for sync exactly as an activation would queue it. A
 *   product an inactive template selects is its, for a manual sync: nobody queues it.
 * - Listed: variants joining or leaving the listing, changed prices and
 *   inventory are pushed; content only when the shop
 *   pushes content edits; deleted/archived/draft products are deactivated.
 * - Failed: if the change can fix the failure's reason and its cause is gone
 *   (healing.ts), it is queued again the same way, without a Re-sync.
 * Fingerprints make repeated and no-op updates send nothing.
 */
import { and, eq } from "drizzle-orm";
import { getProductWithVariants } from "../../catalog";
import { type ProductSync, productSync } from "../../db/schema";
import { findShop } from "../../shops";
import { backoffMs, done, type JobContext, type JobOutcome, type QueueMessageOf, retryIn } from "../../jobs";
import { effectiveTemplate, loadTemplatesWithRules } from "../../templates";
import { fingerprints } from "../fingerprint";
import { type Change, changesOf, heals } from "../healing";
import { recordPush } from "../product-sync-repo";
import { enqueueSyncs, markQueued } from "../runs";
import {
	deactivate,
	type Forced,
	type Push,
	pushContent,
	pushInventory,
	pushPrices,
	pushVariants,
	type StepResult,
	type Target,
} from "./push-steps";

/** A failed product is queued again only when `changes` can fix its reason and the cause is gone. */
type Healing = { failureCode: string | null; changes: readonly Change[] };

async function queueIfClaimed(ctx: JobContext, shopId: string, productId: string, healing?: Healing): Promise<JobOutcome> {
	const product = await getProductWithVariants(ctx.db, shopId, productId);
	if (!product || product.status !== "active") return done;
	if (healing && !heals(healing.failureCode, healing.changes, product)) return done;
	const template = effectiveTemplate(product, await loadTemplatesWithRules(ctx.db, shopId));
	if (!template?.isActive) return done;
	const from = healing ? (["failed"] as const) : (["not_synced"] as const);
	const queued = await markQueued(ctx.db, shopId, [productId], { id: null, templateId: template.id }, [...from]);
	await enqueueSyncs(ctx.env.SYNC_QUEUE, shopId, null, queued);
	return done;
}

async function pushChanges(ctx: JobContext, row: ProductSync, forced: Forced = null): Promise<JobOutcome> {
	const { db } = ctx;
	const shop = await findShop(db, row.shopId);
	if (!shop || shop.uninstalledAt || !row.tiktokProductId) return done;
	const connection = await ctx.tiktok(shop.id);
	if (!connection.ok) return connection.transient ? retryIn(backoffMs(ctx.attempts), connection.reason) : done;
	const target: Target = { db, shop, row, port: connection.port, tiktokId: row.tiktokProductId, attempts: ctx.attempts, forced };
	// null when deleted in Shopify
	const product = await getProductWithVariants(db, shop.id, row.productId);
	const steps: (() => Promise<StepResult>)[] = [];
	let push: Push | null = null;
	if (!product || product.status !== "active" || forced === "deactivate") steps.push(() => deactivate(target));
	else {
		const p: Push = { ...target, product, hashes: await fingerprints(product) };
		push = p;
		steps.push(
			() => pushVariants(p),
			() => pushPrices(p),
			() => pushInventory(p),
			() => pushContent(p),
		);
	}
	const changes: Parameters<typeof recordPush>[3] = {};
	for (const step of steps) {
		const result = await step();
		// A retry leaves the row as it was: the next attempt pushes again (each push is idempotent).
		if ("outcome" in result) return result.outcome;
		Object.assign(changes, result.changes);
		// Later steps price and stock the SKUs a variants edit just added.
		if (push && result.changes.tiktokSkus !== undefined) push.row = { ...push.row, tiktokSkus: result.changes.tiktokSkus };
	}
	await recordPush(db, shop.id, row.productId, changes);
	return done;
}

/** `sync.push`: push one aspect of a listed product whatever the fingerprints say (a merchant's re-sync of a review failure). */
export async function pushProduct(message: QueueMessageOf<"sync.push">, ctx: JobContext): Promise<JobOutcome> {
	const row = await ctx.db.query.productSync.findFirst({
		where: and(eq(productSync.shopId, message.shopId), eq(productSync.productId, message.productId)),
	});
	return row?.tiktokProductId ? pushChanges(ctx, row, message.what) : done;
}

export async function productChanged(message: QueueMessageOf<"product.changed">, ctx: JobContext): Promise<JobOutcome> {
	const row = await ctx.db.query.productSync.findFirst({
		where: and(eq(productSync.shopId, message.shopId), eq(productSync.productId, message.productId)),
	});
	if (!row) return done;
	if (row.tiktokProductId) return pushChanges(ctx, row);
	if (row.syncState === "not_synced") return queueIfClaimed(ctx, message.shopId, message.productId);
	if (row.syncState === "failed")
		return queueIfClaimed(ctx, message.shopId, message.productId, { failureCode: row.lastErrorCode, changes: changesOf(message.reason) });
	return done;
}
