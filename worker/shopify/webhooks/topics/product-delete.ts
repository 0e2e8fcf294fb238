/**
 * products/delete: the body is only `{"id": <number>}`, so the id is read from the
 * JSON source text (it may exceed 2^53). Soft delete: the row and its sync state
 * stay so the TikTok listing can be deactivated by `product.changed`.
 * The body names no shop, so a captured one can be re-sent for another: Shopify
 * ids are global, so a product the shop does not have is not its product, and the
 * delivery is ignored without a trace.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { markProductDeleted } from "../../../catalog";
import { products } from "../../../db/schema";
import { idText } from "../../normalize/ids";
import { changed, defineTopic } from "./types";

const Payload = z.object({
	id: z
		.union([z.string(), z.number()])
		.transform(idText)
		.pipe(z.string({ error: "must be a product id" })),
});

export const productDelete = defineTopic({
	shop: "installed",
	payload: Payload,
	reads: (db, shopId, { id }) => ({
		queries: [
			db
				.select({ id: products.id })
				.from(products)
				.where(and(eq(products.shopId, shopId), eq(products.id, id))),
		],
		decode: ([rows]) => (rows as unknown[]).length > 0,
	}),
	async handle(ctx, { id }, known: boolean) {
		if (!known) return { kind: "ignored", reason: "unknown_product" };
		const result = await markProductDeleted(ctx.db, ctx.shopId, id, ctx.now);
		// Enqueued even when already deleted: a lost earlier message must not leave a listing live; the job is idempotent.
		return {
			kind: "processed",
			result: result.changed ? "deleted" : "already_deleted",
			messages: [changed(ctx.shopId, id, "products/delete")],
		};
	},
});
