/**
 * Linking: a Shopify product already on TikTok takes that listing as its own.
 * It shows as Linked, counts as on TikTok and is never created. Its content
 * stays as the merchant made it on TikTok (the content hash is taken as pushed);
 * its price and stock are pushed like any synced product's, starting now (the
 * price and inventory hashes are left empty so the first push sends them).
 */
import { getProductWithVariants } from "../../catalog";
import type { Db } from "../../db/client";
import type { QueueMessage } from "../../jobs";
import { clearedFailure } from "../failure";
import { fingerprints } from "../fingerprint";
import { type Leased, markLinked, markLinkedBeforeCreate } from "../product-sync-repo";
import type { ListedSkus } from "./match";
import { recordMatch } from "./listings-repo";

const REVIEW_OF_STATUS: Record<string, string> = {
	ACTIVATE: "live",
	PENDING: "in_review",
	FAILED: "review_failed",
	SELLER_DEACTIVATED: "deactivated",
	PLATFORM_DEACTIVATED: "deactivated",
	FREEZE: "frozen",
};

async function linkFields(db: Db, shopId: string, productId: string, listing: ListedSkus) {
	const product = await getProductWithVariants(db, shopId, productId);
	if (!product) return null;
	const skuIdBySeller = new Map(listing.skus.map((s) => [s.sellerSku, s.id]));
	const tiktokSkus = Object.fromEntries(
		product.variants
			.filter((v) => v.sku && skuIdBySeller.has(v.sku))
			.map((v) => [v.id, { skuId: skuIdBySeller.get(v.sku as string) ?? null, sellerSku: v.sku }]),
	);
	const { contentHash } = await fingerprints(product);
	return {
		tiktokProductId: listing.id,
		tiktokSkus: JSON.stringify(tiktokSkus),
		reviewState: REVIEW_OF_STATUS[listing.status] ?? "none",
		contentHash,
		priceHash: null,
		inventoryHash: null,
		syncedAt: Date.now(),
		...clearedFailure,
	};
}

/** Links `productId` to `listing`; under the lease of a sync delivery when `leased` is given. True when it is now Linked. */
export async function linkProduct(
	env: Env,
	db: Db,
	shopId: string,
	productId: string,
	listing: ListedSkus,
	leased?: Leased,
): Promise<boolean> {
	const fields = await linkFields(db, shopId, productId, listing);
	if (!fields) return false;
	const linked = leased ? await markLinkedBeforeCreate(leased, fields) : await markLinked(db, shopId, productId, fields);
	if (!linked) return false;
	await recordMatch(db, shopId, listing.id, { match: "linked", productId });
	await env.SYNC_QUEUE.send({ type: "product.changed", shopId, productId, reason: "linked" } satisfies QueueMessage);
	return true;
}
