/**
 * `product.changed`: a Shopify product was created, updated or deleted.
 * - Not yet listed: if an active template claims it (or now claims it after an
 *   update), it is queued for sync exactly as an activation would queue it.
 * - Listed: changed prices and inventory are pushed; content only when the shop
 *   pushes content edits; deleted/archived/draft products are deactivated.
 * Fingerprints make repeated and no-op updates send nothing.
 */
import { and, eq } from "drizzle-orm";
import { getProductWithVariants } from "../../catalog/product-repo";
import { type ProductSync, productSync, shops } from "../../db/schema";
import { buildListing, listingImageSources } from "../../listing/build";
import type { JobContext } from "../../queue/job-context";
import type { QueueMessageOf } from "../../queue/messages";
import { backoffMs, done, type JobOutcome, retryIn } from "../../queue/outcome";
import { effectiveTemplate } from "../../templates/assignment/effective";
import { loadTemplatesWithRules } from "../../templates/assignment/load";
import { loadCategorySpec } from "../../categories/spec";
import { getTemplate } from "../../templates/repo";
import { clearedFailure, fromProblems, fromTikTok } from "../failure";
import { fingerprints } from "../fingerprint";
import { hostedLookup, hostImages } from "../images";
import type { PortFailure, PortResult } from "../../tiktok";
import { contentPatch, inventoryFor, pricesFor, skuMap } from "../push";
import { enqueueSyncs, markQueued } from "../runs";

function outcomeOf(result: PortResult<unknown>, attempts: number): JobOutcome | null {
	if (result.ok) return null;
	const failure: PortFailure = result.failure;
	if (failure.kind === "rate_limited") return retryIn(failure.retryAfterMs ?? 1000, "rate limited");
	if (failure.kind === "transient" || failure.kind === "timeout") return retryIn(backoffMs(attempts), failure.kind);
	return null; // permanent push failures are recorded below and not retried
}

async function queueIfClaimed(ctx: JobContext, shopId: string, productId: string): Promise<JobOutcome> {
	const product = await getProductWithVariants(ctx.db, shopId, productId);
	if (!product || product.status !== "active") return done;
	const template = effectiveTemplate(product, await loadTemplatesWithRules(ctx.db, shopId));
	if (!template?.isActive) return done;
	const queued = await markQueued(ctx.db, shopId, [productId], { id: null, templateId: template.id }, ["not_synced"]);
	await enqueueSyncs(ctx.env.SYNC_QUEUE, shopId, null, queued);
	return done;
}

type Forced = QueueMessageOf<"sync.push">["what"] | null;

async function pushChanges(ctx: JobContext, row: ProductSync, forced: Forced = null): Promise<JobOutcome> {
	const { db } = ctx;
	const shop = await db.query.shops.findFirst({ where: eq(shops.id, row.shopId) });
	if (!shop || shop.uninstalledAt || !row.tiktokProductId) return done;
	const connection = await ctx.tiktok(shop.id);
	if (!connection.ok) return connection.transient ? retryIn(backoffMs(ctx.attempts), connection.reason) : done;
	const { port } = connection;
	const tiktokId = row.tiktokProductId;
	const where = and(eq(productSync.shopId, shop.id), eq(productSync.productId, row.productId));
	// null when deleted in Shopify
	const product = await getProductWithVariants(db, shop.id, row.productId);
	if (!product || product.status !== "active" || forced === "deactivate") {
		if ((row.reviewState === "deactivated" || row.reviewState === "deleted") && forced !== "deactivate") return done;
		const result = await port.deactivate([tiktokId]);
		const retry = outcomeOf(result, ctx.attempts);
		if (retry) return retry;
		if (result.ok) await db.update(productSync).set({ reviewState: "deactivated", updatedAt: Date.now() }).where(where);
		return done;
	}

	const hashes = await fingerprints(product);
	const skus = skuMap(row);
	const changes: Partial<typeof productSync.$inferInsert> = {};
	if (hashes.priceHash !== row.priceHash || forced === "price") {
		const result = await port.updatePrices(tiktokId, pricesFor(product, skus, shop.currency ?? "USD", shop.tiktokRegion ?? "US"));
		const retry = outcomeOf(result, ctx.attempts);
		if (retry) return retry;
		if (result.ok) changes.priceHash = hashes.priceHash;
		else Object.assign(changes, fromTikTok(result.failure), { syncState: "synced" });
	}
	if ((hashes.inventoryHash !== row.inventoryHash || forced === "inventory") && shop.tiktokWarehouseId) {
		const warehouseId = shop.tiktokWarehouseId;
		const result = await port.updateInventory(tiktokId, inventoryFor(product, skus, warehouseId));
		const retry = outcomeOf(result, ctx.attempts);
		if (retry) return retry;
		if (result.ok) changes.inventoryHash = hashes.inventoryHash;
		else Object.assign(changes, fromTikTok(result.failure), { syncState: "synced" });
	}
	if (((hashes.contentHash !== row.contentHash && shop.pushContentEdits) || forced === "content") && row.templateId) {
		const template = await getTemplate(db, shop.id, row.templateId);
		const spec = template?.row.categoryId ? await loadCategorySpec(db, port, shop.id, shop.tiktokRegion, template.row.categoryId) : null;
		if (template && spec?.ok) {
			const images = await hostImages(db, shop.id, await listingImageSources(product, template.config), port);
			if (!images.ok) return outcomeOf({ ok: false, failure: images.failure }, ctx.attempts) ?? done;
			const built = await buildListing({
				product,
				config: template.config,
				category: spec.value,
				shop: { region: shop.tiktokRegion ?? "US", currency: shop.currency ?? "USD", warehouseId: shop.tiktokWarehouseId },
				hosted: hostedLookup(images.hosted),
			});
			if (!built.ok) {
				Object.assign(changes, fromProblems(built.problems), { syncState: "synced" });
			} else {
				const result = await port.partialEdit(tiktokId, contentPatch(built.listing.body));
				const retry = outcomeOf(result, ctx.attempts);
				if (retry) return retry;
				if (result.ok) {
					Object.assign(changes, clearedFailure, { contentHash: hashes.contentHash });
					if (result.value.auditing) changes.reviewState = "in_review";
				} else {
					// Shown on the product; the listing on TikTok keeps its previous version.
					Object.assign(changes, fromTikTok(result.failure), { syncState: "synced" });
				}
			}
		}
	}
	if (Object.keys(changes).length) await db.update(productSync).set({ ...changes, updatedAt: Date.now() }).where(where);
	return done;
}

/** `sync.push`: push one aspect of a listed product whatever the fingerprints say (a merchant's re-sync of a review failure). */
export async function pushProduct(message: QueueMessageOf<"sync.push">, ctx: JobContext): Promise<JobOutcome> {
	const row = await ctx.db.query.productSync.findFirst({ where: and(eq(productSync.shopId, message.shopId), eq(productSync.productId, message.productId)) });
	return row?.tiktokProductId ? pushChanges(ctx, row, message.what) : done;
}

export async function productChanged(message: QueueMessageOf<"product.changed">, ctx: JobContext): Promise<JobOutcome> {
	const row = await ctx.db.query.productSync.findFirst({ where: and(eq(productSync.shopId, message.shopId), eq(productSync.productId, message.productId)) });
	if (!row) return done;
	if (row.tiktokProductId) return pushChanges(ctx, row);
	if (row.syncState === "not_synced") return queueIfClaimed(ctx, message.shopId, message.productId);
	return done;
}
