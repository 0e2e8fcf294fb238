/**
 * A product edit in the store produces a products/update delivery to each
 * subscription, signed like Shopify's (HMAC-SHA256 of the raw body with the app's
 * client secret, base64) and shaped like the REST payload (shopify.md §2.2). The
 * app is not reachable from the sandbox in tests, so the delivery stays in the
 * outbox after its bounded retries, exactly as signed.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { signWebhookBody } from "../worker/shopify/webhooks/verify";
import { eventually, shopifySandbox, uniqueShop, type Delivery, type Json } from "./sandbox/shopify/client";

const sandbox = shopifySandbox(env.SHOPIFY_ADMIN_BASE);
const shop = uniqueShop("webhook-outbox");
const APP_WEBHOOKS = "http://app.test/webhooks/shopify";

let products: Json[] = [];

beforeAll(async () => {
	expect((await sandbox.createStore({ shop, productCount: 20 })).status).toBe(201);
	const token = await sandbox.token(shop);
	const created = await sandbox.graphql(
		shop,
		token,
		`mutation Sub($topic: WebhookSubscriptionTopic!, $uri: String!) { webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri }) { webhookSubscription { id topic uri } userErrors { field message } } }`,
		{ topic: "PRODUCTS_UPDATE", uri: APP_WEBHOOKS },
	);
	expect(created.body.data.webhookSubscriptionCreate).toMatchObject({
		webhookSubscription: { topic: "PRODUCTS_UPDATE", uri: APP_WEBHOOKS },
		userErrors: [],
	});
	const list = await sandbox.graphql(
		shop,
		token,
		`{ products(first: 20) { nodes { id legacyResourceId variantsCount { count } variants(first: 1) { nodes { legacyResourceId } } } } }`,
	);
	products = list.body.data.products.nodes;
});

async function editAndGetDelivery(productId: string, patch: Json): Promise<Delivery> {
	const edit = await sandbox.updateProduct(shop, productId, patch);
	expect(edit.status, JSON.stringify(edit.body)).toBe(200);
	expect(edit.body.deliveries).toHaveLength(1);
	const listed = await sandbox.deliveries(shop, { topic: "products/update" });
	const delivery = listed.body.find((d) => d.id === edit.body.deliveries[0].id);
	expect(delivery).toBeDefined();
	return delivery!;
}

describe("products/update webhook", () => {
	it("is signed with the client secret over the raw body and carries Shopify's headers", async () => {
		const product = products.find((p) => p.variantsCount.count < 100)!;
		const delivery = await editAndGetDelivery(product.legacyResourceId, {
			variants: [{ id: product.variants.nodes[0].legacyResourceId, price: "12.34" }],
		});
		expect(delivery.url).toBe(APP_WEBHOOKS);
		expect(delivery.headers["X-Shopify-Hmac-Sha256"]).toBe(await signWebhookBody(delivery.body, env.SHOPIFY_API_SECRET));
		expect(delivery.headers["X-Shopify-Hmac-Sha256"]).not.toBe(await signWebhookBody(delivery.body, "another-secret"));
		expect(delivery.headers).toMatchObject({
			"Content-Type": "application/json",
			"X-Shopify-Topic": "products/update",
			"X-Shopify-Shop-Domain": shop,
			"X-Shopify-API-Version": "2026-01",
			"X-Shopify-Webhook-Id": delivery.id,
			"X-Shopify-Event-Id": delivery.eventId,
		});
		expect(Number.isFinite(Date.parse(delivery.headers["X-Shopify-Triggered-At"]))).toBe(true);
	});

	it("carries the REST product: numeric ids, tags as one string, string prices, lowercase status, no variant weight", async () => {
		const product = products.find((p) => p.variantsCount.count < 100)!;
		const delivery = await editAndGetDelivery(product.legacyResourceId, { tags: ["summer", "gift idea"] });
		expect(delivery.body).toMatch(new RegExp(`"id":${product.legacyResourceId},`));
		const body = JSON.parse(delivery.body);
		expect(body).toMatchObject({
			id: Number(product.legacyResourceId),
			admin_graphql_api_id: product.id,
			tags: "gift idea, summer",
			published_scope: "web",
		});
		expect(["active", "draft", "archived"]).toContain(body.status);
		expect(body.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-05:00$/);
		expect(body.variants.length).toBe(product.variantsCount.count);
		for (const v of body.variants) {
			expect(typeof v.id).toBe("number");
			expect(v.price).toMatch(/^\d+\.\d{2}$/);
			expect(v).not.toHaveProperty("weight");
			expect(v).not.toHaveProperty("grams");
			expect(v).not.toHaveProperty("weight_unit");
		}
		expect(body.variant_gids).toHaveLength(product.variantsCount.count);
		expect(body).toHaveProperty("category");
	});

	it("includes only the first 100 variants of a larger product, and variant_gids for all of them", async () => {
		const large = products.find((p) => p.variantsCount.count > 100)!;
		const delivery = await editAndGetDelivery(large.legacyResourceId, { title: "Big Variant Tee" });
		const body = JSON.parse(delivery.body);
		expect(body.title).toBe("Big Variant Tee");
		expect(body.variants).toHaveLength(100);
		expect(body.variant_gids).toHaveLength(large.variantsCount.count);
	});

	it("stays in the outbox, failed after 3 attempts, when the app cannot be reached", async () => {
		const product = products[0];
		const delivery = await editAndGetDelivery(product.legacyResourceId, { title: "Unreachable" });
		const settled = await eventually(
			async () => {
				const listed = await sandbox.deliveries(shop, { topic: "products/update" });
				const found = listed.body.find((d) => d.id === delivery.id);
				return found?.status === "failed" ? found : null;
			},
			60,
			250,
		);
		expect(settled.attempts).toBe(3);
		expect(settled.lastError).toBeTruthy();
		expect(settled.body).toBe(delivery.body);
	});
});
