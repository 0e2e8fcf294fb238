/**
 * After an inventory: every stored listing matched against the shop's products.
 * The app's own listings are marked own; a listing that is one product becomes
 * that product's link; the rest are ambiguous or on TikTok only. Only rows whose
 * match changed are written.
 */
import type { Db } from "../../db/client";
import type { TikTokListing } from "../../db/schema";
import { linkProduct } from "./link";
import { allListings, listedOf, ownListings, recordMatch, shopifySide } from "./listings-repo";
import { type Match, matchListing } from "./match";

const same = (row: TikTokListing, m: Match | { match: "own"; productId: string }) =>
	row.match === m.match &&
	row.productId === ("productId" in m ? m.productId : null) &&
	row.reason === (m.match === "ambiguous" ? m.reason : null);

export async function classifyInventory(env: Env, db: Db, shopId: string): Promise<void> {
	const rows = await allListings(db, shopId);
	const side = await shopifySide(db, shopId);
	const own = await ownListings(db, shopId);
	for (const row of rows) {
		if (row.match === "skipped") continue; // the merchant's decision stands
		const ownProduct = own.get(row.tiktokProductId);
		const m = ownProduct ? ({ match: "own", productId: ownProduct } as const) : matchListing(listedOf(row), side);
		if (same(row, m)) continue;
		if (m.match === "linked" && (await linkProduct(env, db, shopId, m.productId, listedOf(row)))) continue;
		await recordMatch(db, shopId, row.tiktokProductId, m);
	}
}
