/**
 * Test knobs under /__sandbox: create and reset stores, mint or expire tokens,
 * squeeze the query-cost bucket, edit products like a merchant (each edit sends
 * its webhooks), uninstall, fire compliance webhooks, read the webhook outbox and
 * replay it (duplicates, reverse order), plus a webhook receiver for tests.
 */
import { Hono } from "hono";
import { DEMO_SHOP, type SandboxEnv } from "../env";
import { TOPICS } from "../store/subscriptions";
import { CreateStore, InventoryWeight, NewProduct, NumericId, ProductPatch, Replay, Shop, Subscribe, Throttle, Trigger } from "./schemas";
import { jsonBody, originOf, registry, send, store, type SandboxContext } from "./respond";

export const sandbox = new Hono<{ Bindings: SandboxEnv }>();

const shopParam = (c: SandboxContext): string | Response => {
	const parsed = Shop.safeParse(c.req.param("shop"));
	return parsed.success ? parsed.data : c.json({ errors: "shop must be a *.myshopify.com domain" }, 400);
};

const idParam = (c: SandboxContext): number | null => {
	const parsed = NumericId.safeParse(c.req.param("id"));
	return parsed.success ? parsed.data : null;
};

sandbox.get("/", async (c) => c.json({ stores: [DEMO_SHOP, ...(await registry(c).stores()).filter((s) => s !== DEMO_SHOP)] }));

sandbox.post("/stores", async (c) => {
	const body = await jsonBody(c, CreateStore);
	if (!body.ok) return body.response;
	await registry(c).addStore(body.value.shop);
	return send(c, await store(c, body.value.shop).createStore(body.value));
});

sandbox.post("/reset", async (c) => {
	const shops = new Set([DEMO_SHOP, ...(await registry(c).stores())]);
	await Promise.all([...shops].map((shop) => store(c, shop).reset()));
	await registry(c).clear();
	return c.json({ reset: [...shops] });
});

sandbox.get("/stores/:shop", async (c) => {
	const shop = shopParam(c);
	return typeof shop === "string" ? send(c, await store(c, shop).describe(shop)) : shop;
});

sandbox.post("/stores/:shop/reset", async (c) => {
	const shop = shopParam(c);
	return typeof shop === "string" ? send(c, await store(c, shop).resetStore(shop)) : shop;
});

sandbox.post("/stores/:shop/tokens", async (c) => {
	const shop = shopParam(c);
	if (typeof shop !== "string") return shop;
	const expiring = c.req.query("expiring") !== "0";
	return send(c, await store(c, shop).mintToken(shop, expiring));
});

sandbox.post("/stores/:shop/tokens/expire", async (c) => {
	const shop = shopParam(c);
	if (typeof shop !== "string") return shop;
	return send(c, await store(c, shop).expireTokens(shop, c.req.query("refresh") === "1"));
});

sandbox.put("/stores/:shop/throttle", async (c) => {
	const shop = shopParam(c);
	if (typeof shop !== "string") return shop;
	const body = await jsonBody(c, Throttle);
	return body.ok ? send(c, await store(c, shop).setThrottle(shop, body.value)) : body.response;
});

sandbox.post("/stores/:shop/subscriptions", async (c) => {
	const shop = shopParam(c);
	if (typeof shop !== "string") return shop;
	const body = await jsonBody(c, Subscribe);
	if (!body.ok) return body.response;
	const topic = TOPICS[body.value.topic] ?? body.value.topic;
	return send(c, await store(c, shop).subscribe(shop, topic, body.value.uri, body.value.apiVersion));
});

sandbox.post("/stores/:shop/products", async (c) => {
	const shop = shopParam(c);
	if (typeof shop !== "string") return shop;
	const body = await jsonBody(c, NewProduct);
	return body.ok ? send(c, await store(c, shop).createProduct(shop, originOf(c), body.value)) : body.response;
});

sandbox.put("/stores/:shop/products/:id", async (c) => {
	const shop = shopParam(c);
	const id = idParam(c);
	if (typeof shop !== "string") return shop;
	if (id === null) return c.json({ errors: "Not Found" }, 404);
	const body = await jsonBody(c, ProductPatch);
	return body.ok ? send(c, await store(c, shop).updateProduct(shop, originOf(c), id, body.value)) : body.response;
});

sandbox.delete("/stores/:shop/products/:id", async (c) => {
	const shop = shopParam(c);
	const id = idParam(c);
	if (typeof shop !== "string") return shop;
	return id === null ? c.json({ errors: "Not Found" }, 404) : send(c, await store(c, shop).deleteProduct(shop, originOf(c), id));
});

sandbox.post("/stores/:shop/inventory_items/:id", async (c) => {
	const shop = shopParam(c);
	const id = idParam(c);
	if (typeof shop !== "string") return shop;
	if (id === null) return c.json({ errors: "Not Found" }, 404);
	const body = await jsonBody(c, InventoryWeight);
	if (!body.ok) return body.response;
	const { weight_value, weight_unit } = body.value;
	if (weight_value !== null && !weight_unit) return c.json({ errors: "weight_unit is required with weight_value" }, 400);
	const weight = weight_value === null ? null : { value: weight_value, unit: weight_unit! };
	return send(c, await store(c, shop).updateInventoryItem(shop, originOf(c), id, weight));
});

sandbox.post("/stores/:shop/uninstall", async (c) => {
	const shop = shopParam(c);
	return typeof shop === "string" ? send(c, await store(c, shop).uninstall(shop, originOf(c))) : shop;
});

sandbox.post("/stores/:shop/webhooks/trigger", async (c) => {
	const shop = shopParam(c);
	if (typeof shop !== "string") return shop;
	const body = await jsonBody(c, Trigger);
	return body.ok ? send(c, await store(c, shop).trigger(shop, originOf(c), body.value.topic, body.value.payload)) : body.response;
});

sandbox.get("/stores/:shop/deliveries", async (c) => {
	const shop = shopParam(c);
	if (typeof shop !== "string") return shop;
	const ids = c.req.query("ids")?.split(",").filter(Boolean);
	const limit = Math.min(1000, Math.max(1, Number(c.req.query("limit") ?? 100) || 100));
	return send(
		c,
		await store(c, shop).deliveries(shop, {
			topic: c.req.query("topic") || undefined,
			since: c.req.query("since") || undefined,
			ids,
			limit,
		}),
	);
});

sandbox.post("/stores/:shop/webhooks/replay", async (c) => {
	const shop = shopParam(c);
	if (typeof shop !== "string") return shop;
	const body = await jsonBody(c, Replay);
	if (!body.ok) return body.response;
	const { deliveryIds, ...rest } = body.value;
	return send(c, await store(c, shop).replay(shop, { ...rest, ids: deliveryIds }));
});

sandbox.post("/receiver/:bin", async (c) => {
	const headers: Record<string, string> = {};
	for (const [key, value] of c.req.raw.headers) headers[key] = value;
	const failFirst = Number(c.req.query("failFirst") ?? 0) || 0;
	const status = await registry(c).receive(c.req.param("bin"), headers, await c.req.text(), failFirst);
	return c.json({ received: true }, status === 200 ? 200 : 500);
});

sandbox.get("/receiver/:bin", async (c) => c.json(await registry(c).received(c.req.param("bin"))));
