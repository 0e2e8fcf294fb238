/**
 * products/create and products/update: normalise the REST payload and upsert it.
 * Enqueues `product.changed` unless the payload is older than what is stored,
 * even when nothing we keep changed: a retry of a delivery whose message could not
 * be sent finds the product already current, and the job (which compares
 * fingerprints and does nothing when nothing changed) is what must still run.
 * Enqueues `product.complete` when Shopify cut the variants at 100.
 * @see https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics-products/update
 */
import { storedProductFrom, storedProductQueries, upsertProduct } from "../../../catalog/product-repo";
import type { Product, Variant } from "../../../db/schema";
import { legacyIdFromGid } from "../../normalize/ids";
import { productFromWebhook, RestProduct, WEBHOOK_KEEPS } from "../../normalize/rest-product";
import { changed, defineTopic } from "./types";

export const productUpsert = defineTopic({
	shop: "installed",
	payload: RestProduct,
	reads: (db, shopId, payload) => ({
		queries: storedProductQueries(db, shopId, legacyIdFromGid(payload.admin_graphql_api_id, "Product")!),
		decode: (results) => storedProductFrom(results as [Product[], Variant[]]),
	}),
	async handle(ctx, payload, stored) {
		const product = productFromWebhook(payload);
		// The receipt commits with the product: one transaction, one round trip.
		const result = await upsertProduct(ctx.db, ctx.shopId, product, ctx.now, { ...WEBHOOK_KEEPS, stored, alsoWrite: [ctx.receipt] });
		if (result.stale) return { kind: "processed", result: "stale", messages: [], receiptRecorded: true };
		const messages = [changed(ctx.shopId, product.id, ctx.headers.topic)];
		if (!result.changed) return { kind: "processed", result: "unchanged", messages, receiptRecorded: true };
		if (product.variantsIncomplete) messages.push({ type: "product.complete", shopId: ctx.shopId, productId: product.id });
		return { kind: "processed", result: "stored", messages, receiptRecorded: true };
	},
});
