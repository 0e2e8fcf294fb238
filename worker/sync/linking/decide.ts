/**
 * The merchant's answer to an ambiguous match: this listing is that product
 * (link it), or it is none of the shop's products (skip it: it stays on TikTok
 * alone and no longer holds back a create).
 */
import { z } from "zod";
import type { Db } from "../../db/client";
import { AppError } from "../../http/errors";
import { linkProduct } from "./link";
import { findListing, listedOf, recordMatch, shopifySide } from "./listings-repo";
import { sellerSkusOf } from "./match";

export const Decision = z.discriminatedUnion("action", [
	z.object({ action: z.literal("link"), productId: z.string().regex(/^\d{1,20}$/, "Product ids are Shopify's numeric ids.") }),
	z.object({ action: z.literal("skip") }),
]);
export type Decision = z.infer<typeof Decision>;

export async function decide(
	env: Env,
	db: Db,
	shopId: string,
	tiktokProductId: string,
	decision: Decision,
): Promise<{ match: "linked" | "skipped"; productId: string | null }> {
	const row = await findListing(db, shopId, tiktokProductId);
	if (!row) throw new AppError("NOT_FOUND", "No such TikTok listing in this shop's inventory.");
	if (row.match !== "ambiguous") throw new AppError("CONFLICT", `This listing is not an ambiguous match (it is ${row.match}).`);
	const listing = listedOf(row);
	if (decision.action === "skip") {
		await recordMatch(db, shopId, tiktokProductId, { match: "skipped", productId: null });
		return { match: "skipped", productId: null };
	}
	const side = await shopifySide(db, shopId, sellerSkusOf(listing));
	const shares = [...side.productsBySku.values()].some((owners) => owners.has(decision.productId));
	if (!shares)
		throw new AppError("VALIDATION_FAILED", "That product has none of this listing's seller SKUs.", {
			issues: [{ path: "productId", message: "Choose a product that shares a seller SKU with the listing." }],
		});
	if (!(await linkProduct(env, db, shopId, decision.productId, listing))) {
		throw new AppError("CONFLICT", "That product is being synced or is already on TikTok through the app; try again once it settles.");
	}
	return { match: "linked", productId: decision.productId };
}
