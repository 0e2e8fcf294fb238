/**
 * Link before create, always. Just before a product would be created, the
 * listings TikTok already has for its seller SKUs decide: one that is this
 * product links it (nothing is created); one that is ambiguous refuses the
 * create, saying why. The stored inventory answers when it is newer than the
 * shop's last connect and already knows every one of the SKUs; otherwise (a
 * stale inventory, or SKUs new to the app) TikTok is searched by those SKUs,
 * at most 10 per call.
 */
import type { Shop } from "../../db/schema";
import type { Db } from "../../db/client";
import type { RemoteProduct, TikTokPort, PortFailure } from "../../tiktok";
import type { Leased } from "../product-sync-repo";
import { linkProduct } from "./link";
import { listedOf, listingsWithSkus, newestVariantAt, recordMatch, saveListings, shopifySide, skippedOf } from "./listings-repo";
import { type ListedSkus, matchListing, sellerSkusOf } from "./match";

export type BeforeCreate =
	| { kind: "create" }
	| { kind: "linked" }
	| { kind: "ambiguous"; reason: string }
	| { kind: "failed"; failure: PortFailure };

export type Candidate = { db: Db; env: Env; shop: Shop; port: TikTokPort; productId: string; sellerSkus: string[]; leased: Leased };

const inventoryIsFresh = (shop: Shop) =>
	shop.tiktokInventoryAt !== null && shop.tiktokConnectedAt !== null && shop.tiktokInventoryAt >= shop.tiktokConnectedAt;

/** Every variant of the product was in the app before the (fresh) inventory started. */
async function inventoryCovers(c: Candidate): Promise<boolean> {
	const newest = await newestVariantAt(c.db, c.shop.id, c.productId);
	return newest !== null && c.shop.tiktokInventoryAt !== null && newest < c.shop.tiktokInventoryAt;
}

async function onTikTok(c: Candidate): Promise<{ ok: true; listings: ListedSkus[] } | { ok: false; failure: PortFailure }> {
	const stored = (await listingsWithSkus(c.db, c.shop.id, c.sellerSkus)).map(listedOf);
	const known = new Set(stored.flatMap(sellerSkusOf));
	if (inventoryIsFresh(c.shop) && (c.sellerSkus.every((sku) => known.has(sku)) || (await inventoryCovers(c))))
		return { ok: true, listings: stored };
	const found = await c.port.searchBySellerSkus(c.sellerSkus);
	if (!found.ok) return found;
	const live = found.value.filter((p: RemoteProduct) => p.status !== "DELETED");
	await saveListings(c.db, c.shop.id, live, Date.now());
	return { ok: true, listings: live };
}

export async function linkBeforeCreate(c: Candidate): Promise<BeforeCreate> {
	if (c.sellerSkus.length === 0) return { kind: "create" };
	const found = await onTikTok(c);
	if (!found.ok) return { kind: "failed", failure: found.failure };
	const skipped = await skippedOf(
		c.db,
		c.shop.id,
		found.listings.map((l) => l.id),
	);
	const listings = found.listings.filter((l) => !skipped.has(l.id));
	if (listings.length === 0) return { kind: "create" };
	const skus = [...new Set(listings.flatMap(sellerSkusOf))];
	const side = await shopifySide(
		c.db,
		c.shop.id,
		skus,
		listings.flatMap((l) => (l.externalProductId ? [l.externalProductId] : [])),
	);
	const matches = listings.map((listing) => ({ listing, m: matchListing(listing, side) }));
	const mine = matches.find(({ m }) => m.match === "linked" && m.productId === c.productId);
	if (mine)
		return (await linkProduct(c.env, c.db, c.shop.id, c.productId, mine.listing, c.leased)) ? { kind: "linked" } : { kind: "create" };
	for (const { listing, m } of matches) await recordMatch(c.db, c.shop.id, listing.id, m);
	const unclear = matches.find(({ m }) => m.match === "ambiguous");
	if (unclear && unclear.m.match === "ambiguous")
		return { kind: "ambiguous", reason: `TikTok listing ${unclear.listing.id}: ${unclear.m.reason}` };
	return { kind: "create" };
}
