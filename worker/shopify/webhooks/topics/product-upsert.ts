/**
 * products/create and products/update: normalise the REST payload and upsert it.
 * Enqueues `product.changed` only when the stored content changed (products/update
 * also fires on every order, and most of those change nothing we keep), and
 * `product.complete` when Shopify cut the variants at 100.
 * @see https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics-products/update
 */
import { upsertProduct } from "../../../catalog/product-repo";
import { productFromWebhook, RestProduct, WEBHOOK_KEEPS } from "../../normalize/rest-product";
import { changed, defineTopic } from "./types";

export const productUpsert = defineTopic({
	shop: "installed",
	payload: RestProduct,
	async handle(ctx, payload) {
		const product = productFromWebhook(payload);
		const result = await upsertProduct(ctx.db, ctx.shopId, product, ctx.now, WEBHOOK_KEEPS);
		if (!result.changed) return { kind: "processed", result: result.stale ? "stale" : "unchanged", messages: [] };
		const messages = [changed(ctx.shopId, product.id, ctx.headers.topic)];
		if (product.variantsIncomplete) messages.push({ type: "product.complete", shopId: ctx.shopId, productId: product.id });
		return { kind: "processed", result: "stored", messages };
	},
});
