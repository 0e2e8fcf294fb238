/**
 * products/delete: the body is only `{"id": <number>}`, so the id is read from the
 * JSON source text (it may exceed 2^53). Soft delete: the row and its sync state
 * stay so the TikTok listing can be deactivated by `product.changed`.
 */
import { z } from "zod";
import { markProductDeleted } from "../../../catalog/product-repo";
import { idText } from "../../normalize/ids";
import { changed, defineTopic } from "./types";

const Payload = z.object({ id: z.union([z.string(), z.number()]).transform(idText).pipe(z.string({ error: "must be a product id" })) });

export const productDelete = defineTopic({
	shop: "installed",
	payload: Payload,
	async handle(ctx, { id }) {
		const result = await markProductDeleted(ctx.db, ctx.shopId, id, ctx.now);
		// Enqueued even when already deleted: a lost earlier message must not leave a listing live; the job is idempotent.
		return { kind: "processed", result: result.changed ? "deleted" : "already_deleted", messages: [changed(ctx.shopId, id, "products/delete")] };
	},
});
