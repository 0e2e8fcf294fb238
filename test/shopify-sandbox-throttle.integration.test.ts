/**
 * The calculated-query-cost extension on every answer, and the leaky bucket that
 * throttles a store when it cannot pay (forced here with the throttle knob).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { shopifySandbox, uniqueShop } from "./sandbox/shopify/client";

const sandbox = shopifySandbox(env.SHOPIFY_ADMIN_BASE);
const shop = uniqueShop("throttle");
const QUERY = `{ products(first: 5) { nodes { id variants(first: 10) { nodes { id } } } } }`;

beforeAll(async () => {
	expect((await sandbox.createStore({ shop, productCount: 20 })).status).toBe(201);
});

describe("query cost and throttling", () => {
	it("reports requested and actual cost and the bucket with every answer", async () => {
		const token = await sandbox.token(shop);
		const res = await sandbox.graphql(shop, token, QUERY);
		expect(res.status).toBe(200);
		expect(res.body.data.products.nodes).toHaveLength(5);
		const cost = res.body.extensions.cost;
		expect(cost.requestedQueryCost).toBe(5 * (1 + 10));
		expect(cost.actualQueryCost).toBeGreaterThanOrEqual(5);
		expect(cost.actualQueryCost).toBeLessThanOrEqual(cost.requestedQueryCost);
		expect(cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
		expect(cost.throttleStatus.currentlyAvailable).toBeLessThanOrEqual(2000);
	});

	it("answers THROTTLED with HTTP 200 when the bucket cannot pay, and serves again once it can", async () => {
		const token = await sandbox.token(shop);
		await sandbox.throttle(shop, { currentlyAvailable: 10, restoreRate: 0 });
		const throttled = await sandbox.graphql(shop, token, QUERY);
		expect(throttled.status).toBe(200);
		expect(throttled.body.data).toBeUndefined();
		expect(throttled.body.errors).toEqual([{ message: "Throttled", extensions: expect.objectContaining({ code: "THROTTLED" }) }]);
		expect(throttled.body.extensions.cost).toMatchObject({
			requestedQueryCost: 55,
			actualQueryCost: null,
			throttleStatus: { currentlyAvailable: 10, restoreRate: 0 },
		});

		const cheap = await sandbox.graphql(shop, token, `{ shop { name } }`);
		expect(cheap.body.data.shop.name).toBeTruthy();
		expect(cheap.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(9);

		await sandbox.throttle(shop, { currentlyAvailable: 2000, restoreRate: 100 });
		const again = await sandbox.graphql(shop, token, QUERY);
		expect(again.body.errors).toBeUndefined();
		expect(again.body.data.products.nodes).toHaveLength(5);
	});

	it("refuses a query whose requested cost exceeds the single-query maximum", async () => {
		const token = await sandbox.token(shop);
		const res = await sandbox.graphql(shop, token, `{ products(first: 50) { nodes { id variants(first: 100) { nodes { id } } } } }`);
		expect(res.status).toBe(200);
		expect(res.body.errors[0].extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", cost: 5050, maxCost: 1000 });
	});
});
