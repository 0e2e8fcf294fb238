/**
 * Uninstall and tenant isolation: app/uninstalled is queued with the Shop payload,
 * then the store's tokens stop working and its Admin-API subscriptions are gone;
 * a token of one store never opens another; compliance webhooks go to the
 * app-level (TOML) address.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { shopifySandbox, uniqueShop } from "./sandbox/shopify/client";

const sandbox = shopifySandbox(env.SHOPIFY_ADMIN_BASE);
const shop = uniqueShop("uninstall");
const other = uniqueShop("neighbour");

beforeAll(async () => {
	expect((await sandbox.createStore({ shop, productCount: 2 })).status).toBe(201);
	expect((await sandbox.createStore({ shop: other, productCount: 2 })).status).toBe(201);
});

describe("uninstall and isolation", () => {
	it("keeps stores apart: different product ids, and one store's token is refused by another", async () => {
		const tokenA = await sandbox.token(shop);
		const tokenB = await sandbox.token(other);
		const ids = async (s: string, t: string) =>
			(await sandbox.graphql(s, t, `{ products(first: 5) { nodes { id } } }`)).body.data.products.nodes.map((n: { id: string }) => n.id);
		const [a, b] = [await ids(shop, tokenA), await ids(other, tokenB)];
		expect(a.filter((id: string) => b.includes(id))).toEqual([]);
		expect((await sandbox.graphql(other, tokenA, `{ shop { name } }`)).status).toBe(401);
	});

	it("sends app/uninstalled, then revokes tokens and removes subscriptions", async () => {
		const token = await sandbox.token(shop);
		const sub = await sandbox.graphql(
			shop,
			token,
			`mutation { webhookSubscriptionCreate(topic: APP_UNINSTALLED, webhookSubscription: { uri: "http://app.test/webhooks/shopify" }) { userErrors { message } } }`,
		);
		expect(sub.body.data.webhookSubscriptionCreate.userErrors).toEqual([]);

		const res = await sandbox.uninstall(shop);
		expect(res.status).toBe(200);
		const sent = (await sandbox.deliveries(shop, { topic: "app/uninstalled" })).body;
		expect(sent).toHaveLength(1);
		expect(sent[0].headers["X-Shopify-Shop-Domain"]).toBe(shop);
		expect(JSON.parse(sent[0].body)).toMatchObject({ myshopify_domain: shop, domain: shop, currency: "USD" });
		expect((await sandbox.graphql(shop, token, `{ shop { name } }`)).status).toBe(401);
		const fresh = await sandbox.token(shop);
		const subs = await sandbox.graphql(shop, fresh, `{ webhookSubscriptions(first: 10) { nodes { id } } }`);
		expect(subs.body.data.webhookSubscriptions.nodes).toEqual([]);
	});

	it("sends shop/redact to the app-level address", async () => {
		const res = await sandbox.trigger(shop, "shop/redact");
		expect(res.status).toBe(200);
		const [delivery] = (await sandbox.deliveries(shop, { topic: "shop/redact" })).body;
		expect(delivery.url).toMatch(/\/webhooks\/shopify$/);
		expect(JSON.parse(delivery.body)).toMatchObject({ shop_domain: shop, shop_id: expect.any(Number) });
	});
});
