/**
 * /api/linking: what the inventory of the shop's TikTok listings found: products
 * linked to a listing they already had, listings whose match is ambiguous (with
 * why), and listings that match no Shopify product (On TikTok only); and the
 * merchant's answer to one ambiguous match (link it to a product, or skip it).
 */
import { and, count, eq } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { shopSession } from "../../auth/shop-session";
import { productSync } from "../../db/schema";
import { doc } from "../../http/doc";
import { validate } from "../../http/validate";
import { requireShop } from "../../shops";
import { z } from "zod";
import { Decision, decide } from "./decide";
import { ambiguousListings, matchCounts, productsWithSkus } from "./listings-repo";

export const linkingRoutes = new Hono<AppEnv>()
	.use(shopSession())
	.get("/", doc("Products linked to existing TikTok listings, ambiguous matches, and listings on TikTok only"), async (c) => {
		const { db, shopId } = c.var;
		const shop = await requireShop(db, shopId);
		const [linked] = await db
			.select({ n: count() })
			.from(productSync)
			.where(and(eq(productSync.shopId, shopId), eq(productSync.syncState, "linked")));
		const counts = await matchCounts(db, shopId);
		const ambiguous = await Promise.all(
			(await ambiguousListings(db, shopId)).map(async (l) => {
				const skus = (JSON.parse(l.skus) as { sellerSku: string }[]).map((s) => s.sellerSku);
				return { ...l, skus, candidates: await productsWithSkus(db, shopId, skus) };
			}),
		);
		return c.json({
			linked: linked?.n ?? 0,
			ambiguous: counts.ambiguous,
			// Skipped: the merchant said it is none of the shop's products.
			onTikTokOnly: counts.unmatched + counts.skipped,
			inventoryAt: shop.tiktokInventoryAt,
			ambiguousListings: ambiguous,
		});
	})
	.post(
		"/:id",
		doc("Link an ambiguous TikTok listing to one product, or skip it"),
		validate("param", z.object({ id: z.string().regex(/^\d{1,25}$/, "TikTok product ids are numeric.") })),
		validate("json", Decision),
		async (c) => c.json(await decide(c.env, c.var.db, c.var.shopId, c.req.valid("param").id, c.req.valid("json"))),
	);
