/**
 * inventory_items/update: since API 2024-07 this is where a variant's weight
 * arrives (`weight_value`, `weight_unit`). The variant is found by its inventory
 * item id, its weight set in grams, and the product's weight columns re-derived.
 * A payload without weight fields (older API versions) changes nothing.
 * @see https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics-inventory_items/update
 */
import { z } from "zod";
import { updateVariantWeightByInventoryItem } from "../../../catalog/product-repo";
import { weightFrom } from "../../normalize/common";
import { legacyIdFromGid } from "../../normalize/ids";
import { changed, defineTopic } from "./types";

const Payload = z.object({
	admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/InventoryItem\/\d+$/, "must be an InventoryItem GID"),
	weight_value: z.union([z.number(), z.string()]).nullish(),
	weight_unit: z.string().nullish(),
});

export const inventoryItemUpdate = defineTopic({
	shop: "installed",
	payload: Payload,
	async handle(ctx, payload) {
		if (payload.weight_value === undefined && payload.weight_unit === undefined) return { kind: "processed", result: "no_weight", messages: [] };
		const inventoryItemId = legacyIdFromGid(payload.admin_graphql_api_id, "InventoryItem")!;
		const weight = weightFrom(payload.weight_value, payload.weight_unit);
		const { productIds } = await updateVariantWeightByInventoryItem(ctx.db, ctx.shopId, inventoryItemId, weight, ctx.now);
		return {
			kind: "processed",
			result: productIds.length ? "stored" : "unchanged",
			messages: productIds.map((productId) => changed(ctx.shopId, productId, "inventory_items/update")),
		};
	},
});
