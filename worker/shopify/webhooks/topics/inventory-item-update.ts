/**
 * inventory_items/update: since API 2024-07 this is where a variant's weight
 * arrives (`weight_value`, `weight_unit`). The variant is found by its inventory
 * item id, its weight set in grams, and the product's weight columns re-derived.
 * A payload without weight fields (older API versions) changes nothing.
 * The body names no shop: an inventory item the shop does not have (ids are
 * global, so another shop's) is ignored without a trace.
 * @see https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics-inventory_items/update
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { updateVariantWeightByInventoryItem } from "../../../catalog";
import { variants } from "../../../db/schema";
import { weightFrom } from "../../normalize/common";
import { legacyIdFromGid } from "../../normalize/ids";
import { changed, defineTopic } from "./types";

const Payload = z.object({
	admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/InventoryItem\/\d+$/, "must be an InventoryItem GID"),
	weight_value: z.union([z.number(), z.string()]).nullish(),
	weight_unit: z.string().nullish(),
});

const itemId = (payload: z.infer<typeof Payload>) => legacyIdFromGid(payload.admin_graphql_api_id, "InventoryItem")!;

export const inventoryItemUpdate = defineTopic({
	shop: "installed",
	payload: Payload,
	reads: (db, shopId, payload) => ({
		queries: [
			db
				.select({ id: variants.id })
				.from(variants)
				.where(and(eq(variants.shopId, shopId), eq(variants.inventoryItemId, itemId(payload))))
				.limit(1),
		],
		decode: ([rows]) => (rows as unknown[]).length > 0,
	}),
	async handle(ctx, payload, known: boolean) {
		if (!known) return { kind: "ignored", reason: "unknown_inventory_item" };
		if (payload.weight_value === undefined && payload.weight_unit === undefined)
			return { kind: "processed", result: "no_weight", messages: [] };
		const weight = weightFrom(payload.weight_value, payload.weight_unit);
		const { productIds } = await updateVariantWeightByInventoryItem(ctx.db, ctx.shopId, itemId(payload), weight, ctx.now);
		return {
			kind: "processed",
			result: productIds.length ? "stored" : "unchanged",
			messages: productIds.map((productId) => changed(ctx.shopId, productId, "inventory_items/update")),
		};
	},
});
