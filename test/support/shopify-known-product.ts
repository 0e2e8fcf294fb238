/**
 * A product the shop already has, stored as an earlier webhook or the import
 * would have left it. Webhooks for products the shop does not have are ignored
 * (updates, deletes, weights) or confirmed through the shop's Admin API
 * (creates), which shops seeded without the sandbox cannot answer; tests of
 * those shops start from a known product instead.
 */
import { env } from "cloudflare:workers";
import { upsertProduct } from "../../worker/catalog/product-repo";
import { createDb } from "../../worker/db/client";
import { parseJsonKeepingBigIds } from "../../worker/shopify/normalize/ids";
import { productFromWebhook, RestProduct } from "../../worker/shopify/normalize/rest-product";
import { shopifyJson } from "./shopify-payloads";

/** Stores `payload` (a products/create|update body) for `shop`, exactly as the webhook would. */
export async function seedKnownProduct(shop: string, payload: Record<string, unknown>): Promise<void> {
	const parsed = RestProduct.parse(parseJsonKeepingBigIds(shopifyJson(payload)));
	await upsertProduct(createDb(env.DB), shop, productFromWebhook(parsed), Date.now());
}
