/**
 * `sync.product`: create (or adopt) the TikTok listing of one Shopify product.
 *
 * Exactly one listing per product, whatever is delivered twice or lost:
 * 1. a lease in D1 (conditional UPDATE) so two deliveries cannot both proceed;
 * 2. `idempotency_key` from shop + product + generation, so a retried create is
 *    answered with the first result, and `external_product_id` = the product GID;
 * 3. the key is written BEFORE the create call; if a later attempt finds it still
 *    set, the answer was lost, so it searches TikTok by seller SKU and adopts what
 *    exists before creating again.
 * Transient failures and rate limits retry through the queue; permanent ones mark
 * the product 'Sync failed' with TikTok's code, message and a fix; the daily
 * listing quota parks it as 'Waiting for quota'.
 */
import { and, eq } from "drizzle-orm";
import { getProductWithVariants } from "../../catalog/product-repo";
import type { CatalogProduct } from "../../catalog/types";
import { loadCategorySpec } from "../../categories/spec";
import type { Db } from "../../db/client";
import { type ProductSync, productSync, type Shop, shops, syncRuns } from "../../db/schema";
import { buildListing, type Listing, listingImageSources } from "../../listing/build";
import type { CategorySpec } from "../../listing/category-spec";
import type { JobContext } from "../../queue/job-context";
import type { QueueMessageOf } from "../../queue/messages";
import { backoffMs, done, type JobOutcome, retryIn } from "../../queue/outcome";
import { getTemplate } from "../../templates/repo";
import { TemplateConfig } from "../../templates/schema";
import { clearedFailure, fromProblems, fromTikTok } from "../failure";
import { fingerprints } from "../fingerprint";
import { idempotencyKey } from "../idempotency";
import { hostedLookup, hostImages } from "../images";
import { releaseLease, takeLease } from "../lease";
import type { CreatedListing, PortFailure, TikTokPort } from "../../tiktok";
import { countCreate, isQuotaPaused, pauseForQuota } from "../quota";

type Attempt = { db: Db; shop: Shop; row: ProductSync; token: string; attempts: number };

/** What to sync with: a manual sync's submitted form, else the template the product was queued under. */
async function effectiveConfig(db: Db, shopId: string, row: ProductSync): Promise<{ categoryId: string | null; config: TemplateConfig; templateId: string | null; version: number | null } | null> {
	if (row.runId) {
		const run = await db.query.syncRuns.findFirst({ where: and(eq(syncRuns.shopId, shopId), eq(syncRuns.id, row.runId)) });
		if (run?.overrides) {
			const form = JSON.parse(run.overrides) as { categoryId: string | null; config: unknown };
			return { categoryId: form.categoryId, config: TemplateConfig.parse(form.config), templateId: run.templateId, version: null };
		}
	}
	if (!row.templateId) return null;
	const template = await getTemplate(db, shopId, row.templateId);
	return template ? { categoryId: template.row.categoryId, config: template.config, templateId: template.row.id, version: template.row.version } : null;
}

function release(a: Attempt, changes: Partial<typeof productSync.$inferInsert>) {
	return releaseLease(a.db, a.shop.id, a.row.productId, a.token, changes);
}

/** Maps a TikTok failure to the product row and the message's fate. */
async function settleFailure(a: Attempt, failure: PortFailure): Promise<JobOutcome> {
	switch (failure.kind) {
		case "rate_limited":
			await release(a, { syncState: "queued" });
			return retryIn(failure.retryAfterMs ?? 1000, "rate limited");
		case "quota_exhausted":
			await pauseForQuota(a.db, a.shop.id);
			await release(a, { syncState: "waiting_quota", createInFlightKey: null, ...clearedFailure });
			return done;
		case "timeout":
		case "transient":
			// An ambiguous create keeps createInFlightKey: the next attempt searches before creating.
			await release(a, { syncState: "queued" });
			return retryIn(backoffMs(a.attempts), failure.kind);
		default:
			await release(a, { ...fromTikTok(failure), createInFlightKey: null });
			return done;
	}
}

async function recordListed(a: Attempt, product: CatalogProduct, created: CreatedListing, listing: Listing, template: { templateId: string | null; version: number | null }) {
	const skuIdBySeller = new Map(created.skus.map((s) => [s.sellerSku, s.id]));
	const tiktokSkus = Object.fromEntries(Object.entries(listing.sellerSkus).map(([variantId, sellerSku]) => [variantId, { skuId: skuIdBySeller.get(sellerSku) ?? null, sellerSku }]));
	const hashes = await fingerprints(product);
	await release(a, {
		syncState: "synced",
		reviewState: "in_review",
		tiktokProductId: created.productId,
		tiktokSkus: JSON.stringify(tiktokSkus),
		templateId: template.templateId,
		templateVersion: template.version,
		createInFlightKey: null,
		syncedAt: Date.now(),
		...clearedFailure,
		...hashes,
	});
}

/** After a lost answer or a duplicate external id: the listing TikTok already has for these seller SKUs, if any. */
async function findExisting(port: TikTokPort, product: CatalogProduct, sellerSkus: string[]): Promise<CreatedListing | null | PortFailure> {
	const found = await port.searchBySellerSkus(sellerSkus);
	if (!found.ok) return found.failure;
	const match = found.value.find((p) => p.externalProductId === product.gid || p.skus.some((s) => sellerSkus.includes(s.sellerSku)));
	return match ? { productId: match.id, skus: match.skus, warnings: [] } : null;
}

export async function syncProduct(message: QueueMessageOf<"sync.product">, ctx: JobContext): Promise<JobOutcome> {
	const { db } = ctx;
	const shop = await db.query.shops.findFirst({ where: eq(shops.id, message.shopId) });
	if (!shop || shop.uninstalledAt) return done;
	const lease = await takeLease(db, message.shopId, message.productId, message.generation);
	if (lease.kind === "busy") return retryIn(lease.retryInMs, "leased by another delivery");
	if (lease.kind === "gone") return done;
	const a: Attempt = { db, shop, row: lease.row, token: lease.token, attempts: ctx.attempts };

	if (isQuotaPaused(shop)) {
		await release(a, { syncState: "waiting_quota" });
		return done;
	}
	const connection = await ctx.tiktok(shop.id);
	if (!connection.ok && connection.transient) {
		await release(a, { syncState: "queued" });
		return retryIn(backoffMs(a.attempts), connection.reason);
	}
	if (!connection.ok) {
		await release(a, { syncState: "failed", lastErrorCode: "NOT_CONNECTED", lastErrorMessage: connection.message, lastErrorFix: "Connect your TikTok Shop in Settings, then press Re-sync.", lastRequestId: null });
		return done;
	}
	const { port } = connection;
	const product = await getProductWithVariants(db, shop.id, a.row.productId);
	const effective = await effectiveConfig(db, shop.id, a.row);
	if (!product || !effective) {
		// Deleted product or deleted template: nothing to list; it shows as Not synced again.
		await release(a, { syncState: "not_synced" });
		return done;
	}

	let category: CategorySpec | null = null;
	if (effective.categoryId) {
		const spec = await loadCategorySpec(db, port, shop.id, shop.tiktokRegion, effective.categoryId);
		if (!spec.ok) return settleFailure(a, spec.failure);
		category = spec.value;
	}
	const sources = await listingImageSources(product, effective.config);
	const images = await hostImages(db, shop.id, sources, port);
	if (!images.ok) return settleFailure(a, images.failure);

	const built = await buildListing({
		product,
		config: effective.config,
		category,
		shop: { region: shop.tiktokRegion ?? "US", currency: shop.currency ?? "USD", warehouseId: shop.tiktokWarehouseId },
		hosted: hostedLookup(images.hosted),
	});
	if (!built.ok) {
		await release(a, { ...fromProblems(built.problems), createInFlightKey: null });
		return done;
	}
	const { listing } = built;
	const sellerSkus = Object.values(listing.sellerSkus);

	if (a.row.createInFlightKey) {
		const existing = await findExisting(port, product, sellerSkus);
		if (existing && "kind" in existing) return settleFailure(a, existing);
		if (existing) {
			await recordListed(a, product, existing, listing, effective);
			return done;
		}
	}

	const key = await idempotencyKey(shop.id, product.id, a.row.generation);
	const marked = await db
		.update(productSync)
		.set({ createInFlightKey: key })
		.where(and(eq(productSync.shopId, shop.id), eq(productSync.productId, product.id), eq(productSync.leaseToken, a.token)))
		.returning({ productId: productSync.productId });
	if (marked.length === 0) return done; // the lease was lost (expired and taken over): the other delivery owns it now

	const create = await port.createProduct(listing.body, key);
	if (!create.ok) {
		const failure = create.failure;
		if (failure.kind === "duplicate_external_id") {
			const existing = await findExisting(port, product, sellerSkus);
			if (existing && !("kind" in existing)) {
				await recordListed(a, product, existing, listing, effective);
				return done;
			}
		}
		if (failure.kind === "rate_limited" || (failure.kind === "transient" && !failure.ambiguous)) {
			// Refused before any processing: the create did not happen.
			await db.update(productSync).set({ createInFlightKey: null }).where(and(eq(productSync.shopId, shop.id), eq(productSync.productId, product.id), eq(productSync.leaseToken, a.token)));
		}
		return settleFailure(a, failure);
	}
	await countCreate(db, shop.id);
	await recordListed(a, product, create.value, listing, effective);
	return done;
}
