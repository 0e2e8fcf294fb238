import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../worker/db/client";
import { products, variants } from "../worker/db/schema";
import { deliverWebhook, seedInstalledShop, spyOnSyncQueue } from "./support/shopify";
import { seedKnownProduct } from "./support/shopify-known-product";
import { restProductPayload, shopifyJson } from "./support/shopify-payloads";

const SHOP = "weight-store.myshopify.com";
const db = createDb(env.DB);
let queue: ReturnType<typeof spyOnSyncQueue>;

beforeEach(async () => {
	await seedInstalledShop(SHOP);
	queue = spyOnSyncQueue();
});
afterEach(() => vi.restoreAllMocks());

const variant = async (id: string) =>
	(
		await db
			.select()
			.from(variants)
			.where(and(eq(variants.shopId, SHOP), eq(variants.id, id)))
	)[0];
const product = async (id: string) =>
	(
		await db
			.select()
			.from(products)
			.where(and(eq(products.shopId, SHOP), eq(products.id, id)))
	)[0];
const inventoryItemUpdate = (itemId: bigint, weight: number, unit: string) =>
	shopifyJson({
		id: itemId,
		admin_graphql_api_id: `gid://shopify/InventoryItem/${itemId}`,
		sku: "SKU",
		created_at: "2026-01-01T00:00:00Z",
		updated_at: "2026-05-01T00:00:00Z",
		requires_shipping: true,
		cost: "4.00",
		country_code_of_origin: null,
		province_code_of_origin: null,
		harmonized_system_code: null,
		tracked: true,
		country_harmonized_system_codes: [],
		weight_value: weight,
		weight_unit: unit,
	});

describe("weight through inventory_items/update", () => {
	it("sets the variant's weight in grams, re-derives the product, and a later products/update keeps it", async () => {
		const itemId = 5041000000000123n;
		const create = restProductPayload({
			id: 7007n,
			updatedAt: "2026-05-01T00:00:00Z",
			variants: [{ id: 70071n, inventoryItemId: itemId }],
		});
		await seedKnownProduct(SHOP, create);

		const res = await deliverWebhook("inventory_items/update", SHOP, inventoryItemUpdate(itemId, 2, "lb"));
		expect(await res.json()).toMatchObject({ outcome: "stored" });
		const weighed = await variant("70071");
		expect([weighed.weightGrams, weighed.weightValue, weighed.weightUnit, weighed.inventoryItemId]).toEqual([
			907.18474,
			2,
			"lb",
			String(itemId),
		]);
		expect((await product("7007")).weightMaxG).toBe(907.18474);
		expect(queue.messages().at(-1)).toEqual({ type: "product.changed", shopId: SHOP, productId: "7007", reason: "inventory_items/update" });

		// Webhook variants carry no weight since 2024-07: the price changes, the weight stays.
		const update = restProductPayload({
			id: 7007n,
			updatedAt: "2026-05-02T00:00:00Z",
			variants: [{ id: 70071n, inventoryItemId: itemId, price: "12.00" }],
		});
		await deliverWebhook("products/update", SHOP, shopifyJson(update));
		const kept = await variant("70071");
		expect([kept.price, kept.weightGrams, kept.weightUnit]).toEqual(["12.00", 907.18474, "lb"]);
		expect((await product("7007")).weightMinG).toBe(907.18474);
	});

	it("clears the weight when the merchant sets it to 0, and ignores an item no variant holds", async () => {
		const itemId = 5041000000000456n;
		await seedKnownProduct(
			SHOP,
			restProductPayload({ id: 8008n, updatedAt: "2026-05-01T00:00:00Z", variants: [{ id: 80081n, inventoryItemId: itemId }] }),
		);
		await deliverWebhook("inventory_items/update", SHOP, inventoryItemUpdate(itemId, 250, "g"));
		expect((await variant("80081")).weightGrams).toBe(250);
		await deliverWebhook("inventory_items/update", SHOP, inventoryItemUpdate(itemId, 0, "g"));
		expect((await variant("80081")).weightGrams).toBeNull();
		expect((await product("8008")).weightMaxG).toBeNull();
		const res = await deliverWebhook("inventory_items/update", SHOP, inventoryItemUpdate(1n, 3, "kg"));
		expect(await res.json()).toEqual({ ok: true, outcome: "ignored", reason: "unknown_inventory_item" });
	});
});
