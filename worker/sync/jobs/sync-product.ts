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
 * Before any create, what TikTok already has for the product's seller SKUs is
 * linked (sync/linking/): a listing made outside the app is never listed twice.
 * Transient failures and rate limits retry through the queue; permanent ones mark
 * the product 'Sync failed' with TikTok's code, message and a fix; the daily
 * listing quota parks it as 'Waiting for quota'.
 */
import type { CatalogProduct } from "../../catalog";
import type { Listing } from "../../listing";
import { done, type JobContext, type JobOutcome, type QueueMessageOf } from "../../jobs";
import type { CreatedListing, PortFailure, TikTokPort } from "../../tiktok";
import { clearedFailure } from "../failure";
import { fingerprints } from "../fingerprint";
import { idempotencyKey } from "../idempotency";
import { storedWarnings } from "../warnings";
import { markCreateInFlight, markFailed, markListed } from "../product-sync-repo";
import { countCreate } from "../quota";
import { reviewReasons, reviewStateOf } from "../review-state";
import { type Attempt, leased, settleFailure } from "./sync-attempt";
import { linkBeforeCreate } from "../linking";
import { prepare, type Ready } from "./sync-prepare";

async function listed(
	a: Attempt,
	product: CatalogProduct,
	created: CreatedListing,
	listing: Listing,
	template: Ready["template"],
): Promise<JobOutcome> {
	const skuIdBySeller = new Map(created.skus.map((s) => [s.sellerSku, s.id]));
	const tiktokSkus = Object.fromEntries(
		Object.entries(listing.sellerSkus).map(([variantId, sellerSku]) => [
			variantId,
			{ skuId: skuIdBySeller.get(sellerSku) ?? null, sellerSku },
		]),
	);
	const hashes = await fingerprints(product);
	await markListed(leased(a), {
		tiktokProductId: created.productId,
		tiktokSkus: JSON.stringify(tiktokSkus),
		warnings: storedWarnings(created.warnings),
		...(created.remote ? { reviewState: reviewStateOf(created.remote), reviewReasons: reviewReasons(created.remote) } : {}),
		templateId: template.templateId,
		templateVersion: template.version,
		syncedAt: Date.now(),
		...clearedFailure,
		...hashes,
	});
	return done;
}

/**
 * After a lost answer or a duplicate external id: the listing TikTok already
 * has for these seller SKUs, if any, with its current status. The search answer
 * carries no audit, so one Get Product reads it: the audit webhooks of a lost
 * create arrived before the app knew the id and matched nothing, and this read
 * is what makes the adopted state right without waiting for a cron.
 */
async function findExisting(port: TikTokPort, product: CatalogProduct, sellerSkus: string[]): Promise<CreatedListing | null | PortFailure> {
	const found = await port.searchBySellerSkus(sellerSkus);
	if (!found.ok) return found.failure;
	const match = found.value.find((p) => p.externalProductId === product.gid || p.skus.some((s) => sellerSkus.includes(s.sellerSku)));
	if (!match) return null;
	const read = await port.getProduct(match.id);
	if (!read.ok && (read.failure.kind === "rate_limited" || read.failure.kind === "transient" || read.failure.kind === "timeout"))
		return read.failure;
	// A permanent refusal of the read still leaves the search's status, which is TikTok's word too.
	const remote = read.ok ? read.value : match;
	return { productId: match.id, skus: match.skus, warnings: [], remote };
}

/** What TikTok already has for the product decides first: linked, refused as ambiguous, or null to create. */
async function linkOrRefuse(ready: Ready, env: Env, sellerSkus: string[]): Promise<JobOutcome | null> {
	const { a, port, product } = ready;
	const found = await linkBeforeCreate({ db: a.db, env, shop: a.shop, port, productId: product.id, sellerSkus, leased: leased(a) });
	if (found.kind === "failed") return settleFailure(a, found.failure);
	if (found.kind === "linked") return done;
	if (found.kind === "create") return null;
	await markFailed(leased(a), {
		lastErrorCode: "AMBIGUOUS_TIKTOK_MATCH",
		lastErrorMessage: `Not created: this product may already be on TikTok. ${found.reason}`,
		lastErrorFix:
			"Give each product its own seller SKUs (in Shopify or on TikTok) so a TikTok listing's SKUs all belong to one product, then press Re-sync.",
		lastRequestId: null,
		createInFlightKey: null,
	});
	return done;
}

/** Adopts what a lost answer (or a create under another key) left on TikTok, links what is already there, else creates the listing once. */
async function createOrAdopt(ready: Ready, env: Env): Promise<JobOutcome> {
	const { a, port, product, listing, template } = ready;
	const sellerSkus = Object.values(listing.sellerSkus);
	if (a.row.createInFlightKey) {
		const existing = await findExisting(port, product, sellerSkus);
		if (existing && "kind" in existing) return settleFailure(a, existing);
		if (existing) return listed(a, product, existing, listing, template);
	} else {
		// Not after a lost answer: there, the search above already found nothing for these SKUs.
		const settled = await linkOrRefuse(ready, env, sellerSkus);
		if (settled) return settled;
	}
	const key = await idempotencyKey(a.shop.id, product.id, a.row.generation);
	if (!(await markCreateInFlight(leased(a), key))) return done; // the lease was lost (expired and taken over): the other delivery owns it now

	const create = await port.createProduct(listing.body, key);
	if (create.ok) {
		await countCreate(a.db, a.shop.id);
		return listed(a, product, create.value, listing, template);
	}
	const failure = create.failure;
	if (failure.kind === "duplicate_external_id") {
		const existing = await findExisting(port, product, sellerSkus);
		if (existing && "kind" in existing && existing.kind !== "permanent") return settleFailure(a, existing);
		if (existing && !("kind" in existing)) return listed(a, product, existing, listing, template);
	}
	if (failure.kind === "rate_limited" || (failure.kind === "transient" && !failure.ambiguous)) {
		// Refused before any processing: the create did not happen.
		await markCreateInFlight(leased(a), null);
	}
	return settleFailure(a, failure);
}

export async function syncProduct(message: QueueMessageOf<"sync.product">, ctx: JobContext): Promise<JobOutcome> {
	const prepared = await prepare(message, ctx);
	return prepared.kind === "ready" ? createOrAdopt(prepared, ctx.env) : prepared.outcome;
}
