/**
 * Merchant edits made through the sandbox knobs reach the app like in production:
 * each one bumps updated_at (so `updated_at:>` reconciliation finds it) and queues
 * the matching webhooks (products/create|update|delete, inventory_items/update).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { shopifySandbox, uniqueShop, type Json } from "./sandbox/shopify/client";

const sandbox = shopifySandbox(env.SHOPIFY_ADMIN_BASE);
const shop = uniqueShop("store-changes");
const APP = "http://app.test/webhooks/shopify";
let token: string;

const PRODUCT = `query P($id: ID!) { product(id: $id) { id title updatedAt variants(first: 50) { nodes { id price inventoryQuantity inventoryItem { id measurement { weight { value unit } } } } } } }`;

const bodies = async (topic: string) => (await sandbox.deliveries(shop, { topic })).body.map((d) => JSON.parse(d.body));

beforeAll(async () => {
	expect((await sandbox.createStore({ shop, productCount: 10 })).status).toBe(201);
	for (const topic of ["PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE", "INVENTORY_ITEMS_UPDATE"]) {
		expect((await sandbox.subscribe(shop, topic, APP)).status).toBe(201);
	}
	token = await sandbox.token(shop);
});

describe("store changes", () => {
	it("creates a product, visible to GraphQL and sent as products/create", async () => {
		const created = await sandbox.createProduct(shop, {
			title: "Lavender Soy Candle Gift Set",
			productType: "Candles",
			vendor: "Hearth & Wick",
			tags: ["gift idea"],
			optionNames: ["Size"],
			variants: [
				{ options: ["8 oz"], price: "24.00", sku: "GIFT-8", weight: { value: 0.5, unit: "lb" } },
				{ options: ["16 oz"], price: "38.00", sku: "GIFT-16" },
			],
		});
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		const gid = created.body.product.id;
		const read = await sandbox.graphql(shop, token, PRODUCT, { id: gid });
		expect(read.body.data.product).toMatchObject({ title: "Lavender Soy Candle Gift Set" });
		expect(read.body.data.product.variants.nodes.map((v: Json) => v.price)).toEqual(["24.00", "38.00"]);
		const sent = (await bodies("products/create")).find((b) => b.admin_graphql_api_id === gid);
		expect(sent).toMatchObject({ title: "Lavender Soy Candle Gift Set", product_type: "Candles", tags: "gift idea", status: "active" });
	});

	it("updates prices and stock, moves updated_at forward and is found by updated_at:>", async () => {
		const list = await sandbox.graphql(
			shop,
			token,
			`{ products(first: 2) { nodes { id legacyResourceId updatedAt variants(first: 1) { nodes { legacyResourceId } } } } }`,
		);
		const [target, untouched] = list.body.data.products.nodes;
		const since = new Date(Date.now() - 1000).toISOString();
		const edit = await sandbox.updateProduct(shop, target.legacyResourceId, {
			variants: [{ id: target.variants.nodes[0].legacyResourceId, price: "9.99", inventoryQuantity: 3 }],
		});
		expect(edit.status).toBe(200);
		expect(Date.parse(edit.body.product.updatedAt)).toBeGreaterThan(Date.parse(target.updatedAt));
		const again = await sandbox.updateProduct(shop, target.legacyResourceId, { title: "Edited twice" });
		expect(Date.parse(again.body.product.updatedAt)).toBeGreaterThan(Date.parse(edit.body.product.updatedAt));

		const changed = await sandbox.graphql(shop, token, `query C($q: String) { products(first: 50, query: $q) { nodes { id } } }`, {
			q: `updated_at:>'${since}'`,
		});
		const ids = changed.body.data.products.nodes.map((n: Json) => n.id);
		expect(ids).toContain(target.id);
		expect(ids).not.toContain(untouched.id);
		const sent = (await bodies("products/update")).filter((b) => b.admin_graphql_api_id === target.id);
		expect(sent.map((b) => b.variants[0].price)).toEqual(["9.99", "9.99"]);
		expect(sent[0].variants[0].inventory_quantity).toBe(3);
	});

	it("changes an inventory item's weight: inventory_items/update with weight_value and weight_unit", async () => {
		const list = await sandbox.graphql(
			shop,
			token,
			`{ products(first: 3) { nodes { id variants(first: 1) { nodes { inventoryItem { id legacyResourceId } } } } } }`,
		);
		const product = list.body.data.products.nodes[2];
		const item = product.variants.nodes[0].inventoryItem;
		const res = await sandbox.setWeight(shop, item.legacyResourceId, { weight_value: 1.25, weight_unit: "kg" });
		expect(res.status).toBe(200);
		const sent = (await bodies("inventory_items/update")).find((b) => b.admin_graphql_api_id === item.id);
		expect(sent).toMatchObject({ id: Number(item.legacyResourceId), weight_value: 1.25, weight_unit: "kg" });
		const read = await sandbox.graphql(shop, token, PRODUCT, { id: product.id });
		expect(read.body.data.product.variants.nodes[0].inventoryItem.measurement.weight).toEqual({ value: 1.25, unit: "KILOGRAMS" });
	});

	it("deletes a product: products/delete carries only its id, and the product is gone", async () => {
		const list = await sandbox.graphql(shop, token, `{ products(first: 1, reverse: true) { nodes { id legacyResourceId } } }`);
		const victim = list.body.data.products.nodes[0];
		expect((await sandbox.deleteProduct(shop, victim.legacyResourceId)).status).toBe(200);
		expect(
			(await bodies("products/delete")).some((b) => JSON.stringify(b) === JSON.stringify({ id: Number(victim.legacyResourceId) })),
		).toBe(true);
		expect((await sandbox.graphql(shop, token, PRODUCT, { id: victim.id })).body.data.product).toBeNull();
		expect((await sandbox.deleteProduct(shop, victim.legacyResourceId)).status).toBe(404);
	});

	it("rejects an invalid edit with 400 and changes nothing", async () => {
		const before = (await sandbox.deliveries(shop)).body.length;
		const bad = await sandbox.updateProduct(shop, "1", { status: "SOLD_OUT" });
		expect(bad.status).toBe(400);
		expect((await sandbox.deliveries(shop)).body.length).toBe(before);
	});
});
