/**
 * products/create and products/update: normalise the REST payload and upsert it.
 * Enqueues `product.changed` unless the payload is older than what is stored,
 * even when nothing we keep changed: a retry of a delivery whose message could not
 * be sent finds the product already current, and the job (which compares
 * fingerprints and does nothing when nothing changed) is what must still run.
 * Enqueues `product.complete` when Shopify cut the variants at 100.
 *
 * The body names no shop, so a captured one can be re-sent with another shop's
 * domain. Shopify ids are global: a product the shop already has is its own, and
 * its body is trusted. One it does not have is never taken from the body:
 * - products/update: ignored without a trace (200, nothing stored);
 * - products/create: confirmed instead. `product.complete` reads the product
 *   through the shop's own Admin API and stores what Shopify answers, or nothing
 *   when the shop has no such product (a relabelled create). A genuine create
 *   costs one Admin query and lands a queue hop later.
 * @see https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics-products/update
 */
import { storedProductFrom, storedProductQueries, upsertProduct } from "../../../catalog";
import type { Product, Variant } from "../../../db/schema";
import type { QueueMessage } from "../../../jobs";
import { legacyIdFromGid } from "../../normalize/ids";
import type { CatalogProduct } from "../../../catalog";
import { productFromWebhook, RestProduct, WEBHOOK_KEEPS } from "../../normalize/rest-product";
import { changed, defineTopic, type TopicOutcome } from "./types";

/**
 * A variant on an inventory item the app has never read (a variant added in
 * Shopify): the webhook carries no weight, so it is known only once
 * product.complete reads it from the Admin API.
 */
function weightUnread(product: CatalogProduct, stored: { variants: Variant[] }): boolean {
	const read = new Set(stored.variants.map((v) => v.inventoryItemId));
	return product.variants.some((v) => v.weightGrams === null && v.inventoryItemId !== null && !read.has(v.inventoryItemId));
}

const productId = (payload: RestProduct) => legacyIdFromGid(payload.admin_graphql_api_id, "Product")!;

function unknownProduct(topic: string, shopId: string, id: string): TopicOutcome {
	if (topic !== "products/create") return { kind: "ignored", reason: "unknown_product" };
	return { kind: "processed", result: "confirming", messages: [{ type: "product.complete", shopId, productId: id }], noReceipt: true };
}

export const productUpsert = defineTopic({
	shop: "installed",
	payload: RestProduct,
	reads: (db, shopId, payload) => ({
		queries: storedProductQueries(db, shopId, productId(payload)),
		decode: (results) => storedProductFrom(results as [Product[], Variant[]]),
	}),
	async handle(ctx, payload, stored) {
		if (!stored) return unknownProduct(ctx.headers.topic, ctx.shopId, productId(payload));
		const product = productFromWebhook(payload);
		// The receipt commits with the product: one transaction, one round trip.
		const result = await upsertProduct(ctx.db, ctx.shopId, product, ctx.now, { ...WEBHOOK_KEEPS, stored, alsoWrite: [ctx.receipt] });
		if (result.stale) return { kind: "processed", result: "stale", messages: [], receiptRecorded: true };
		// Waiting for its weight: not judged now (it would fail NO_WEIGHT) but after the Admin read, which announces it.
		const readWeights = result.changed && weightUnread(product, stored);
		const messages: QueueMessage[] = readWeights ? [] : [changed(ctx.shopId, product.id, ctx.headers.topic)];
		if (!result.changed) return { kind: "processed", result: "unchanged", messages, receiptRecorded: true };
		if (readWeights) messages.push({ type: "product.complete", shopId: ctx.shopId, productId: product.id, announce: true });
		else if (product.variantsIncomplete) messages.push({ type: "product.complete", shopId: ctx.shopId, productId: product.id });
		return { kind: "processed", result: "stored", messages, receiptRecorded: true };
	},
});
