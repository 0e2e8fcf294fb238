/**
 * A captured webhook re-sent for another shop. Shopify's HMAC covers the body
 * only: X-Shopify-Shop-Domain, X-Shopify-Topic and the webhook id are unsigned.
 * Two shops are installed against the Shopify sandbox; deliveries signed for the
 * attacker's store (from the sandbox's outbox) are replayed into the Worker with
 * the victim's domain, another topic or a fresh webhook id, and the victim's rows
 * must come out untouched.
 */
import { env } from "cloudflare:workers";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../worker/db/client";
import { products, shops, variants } from "../worker/db/schema";
import { type Delivery, uniqueShop } from "./sandbox/shopify/client";
import {
	deliverWebhook,
	installShop,
	replayDelivery,
	runQueuedJobs,
	sandbox,
	sandboxDeliveries,
	shopRowCounts,
	spyOnSyncQueue,
} from "./support/shopify";

const ATTACKER = uniqueShop("identity-attacker");
const VICTIM = uniqueShop("identity-victim");
const db = createDb(env.DB);
let queue: ReturnType<typeof spyOnSyncQueue>;

beforeAll(async () => {
	queue = spyOnSyncQueue();
	await installShop(ATTACKER, { productCount: 4 });
	await installShop(VICTIM, { productCount: 4 });
	const runs = await runQueuedJobs(queue, ["import.page", "product.complete"]);
	expect(runs.every((r) => r.acked)).toBe(true);
}, 120_000);
afterAll(() => vi.restoreAllMocks());

let messagesBefore = 0;
beforeEach(() => {
	messagesBefore = queue.messages().length;
});
const newMessages = () => queue.messages().slice(messagesBefore);

const shopRow = async (shop: string) => (await db.select().from(shops).where(eq(shops.id, shop)))[0];
const productIds = async (shop: string) =>
	(await db.select({ id: products.id }).from(products).where(eq(products.shopId, shop)).orderBy(asc(products.id))).map((r) => r.id);

/** Everything of the victim a forged delivery could touch: row counts per table, the shop row (tokens included), its products. */
async function victimState() {
	return { counts: await shopRowCounts(VICTIM), shop: await shopRow(VICTIM), products: await productIds(VICTIM) };
}

/** The outbox entries a sandbox knob call queued (its answer lists their ids). */
async function captured(shop: string, response: { status: number; body: Record<string, any> }): Promise<Delivery[]> {
	expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
	const ids = new Set((response.body.deliveries as { id: string }[]).map((d) => d.id));
	return (await sandboxDeliveries(shop)).filter((d) => ids.has(d.id));
}

/** The captured bytes and signature, with the unsigned headers rewritten (and a fresh webhook id, so no dedupe saves the day). */
async function relabel(delivery: Delivery, change: { shop?: string; topic?: string }) {
	const headers = new Headers(delivery.headers);
	headers.set("x-shopify-webhook-id", crypto.randomUUID());
	headers.set("x-shopify-event-id", crypto.randomUUID());
	if (change.shop) headers.set("x-shopify-shop-domain", change.shop);
	if (change.topic) headers.set("x-shopify-topic", change.topic);
	const res = await replayDelivery({ url: delivery.url, headers: Object.fromEntries(headers), body: delivery.body });
	return { status: res.status, body: await res.json<Record<string, any>>() };
}

async function attackerProduct(offset: number) {
	const [row] = await db.select().from(products).where(eq(products.shopId, ATTACKER)).orderBy(asc(products.id)).limit(1).offset(offset);
	return row;
}

describe("a captured body relabelled for another shop", () => {
	it("the reproduction: a products/delete body sent as shop/redact for an installed victim is refused, and nothing of the victim goes", async () => {
		const before = await victimState();
		expect(before.products.length).toBeGreaterThan(0);
		expect(before.shop.shopifyAccessTokenEnc).not.toBeNull();
		const body = JSON.stringify({ id: 7822860000024 });
		// With and without X-Shopify-Triggered-At: its absence used to skip the only check.
		for (const triggeredAt of [null, new Date().toISOString()]) {
			const res = await deliverWebhook("shop/redact", VICTIM, body, { headers: { "x-shopify-triggered-at": triggeredAt } });
			const answer = await res.json<{ error: { code: string; issues: { path: string }[] } }>();
			expect(res.status, JSON.stringify(answer)).toBe(400);
			expect(answer.error.issues.map((i) => i.path)).toContain("shop_domain");
		}
		expect(await victimState()).toEqual(before);
	});

	it("app/uninstalled of the attacker's store, relabelled for the victim, is refused: the victim stays installed", async () => {
		const [uninstall] = await captured(ATTACKER, await sandbox().trigger(ATTACKER, "app/uninstalled"));
		expect(JSON.parse(uninstall.body).myshopify_domain).toBe(ATTACKER);
		const before = await victimState();
		const res = await relabel(uninstall, { shop: VICTIM });
		expect(res.status, JSON.stringify(res.body)).toBe(400);
		expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["myshopify_domain"]);
		expect(await victimState()).toEqual(before);
		expect((await shopRow(VICTIM)).uninstalledAt).toBeNull();
	});

	it("customers/data_request and customers/redact of the attacker's store, relabelled for the victim, are refused", async () => {
		const before = await victimState();
		for (const topic of ["customers/data_request", "customers/redact"]) {
			const [delivery] = await captured(ATTACKER, await sandbox().trigger(ATTACKER, topic));
			const res = await relabel(delivery, { shop: VICTIM });
			expect(res.status, `${topic}: ${JSON.stringify(res.body)}`).toBe(400);
			expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["shop_domain"]);
		}
		expect(await victimState()).toEqual(before);
	});

	it("the attacker's shop/redact relabelled for the victim is refused", async () => {
		const [redact] = await captured(ATTACKER, await sandbox().trigger(ATTACKER, "shop/redact"));
		const before = await victimState();
		const res = await relabel(redact, { shop: VICTIM });
		expect(res.status, JSON.stringify(res.body)).toBe(400);
		expect(await victimState()).toEqual(before);
	});

	it("products/delete, products/update and inventory_items/update for the attacker's product are ignored for the victim: nothing stored", async () => {
		const target = await attackerProduct(0);
		const [item] = await db
			.select()
			.from(variants)
			.where(and(eq(variants.shopId, ATTACKER), eq(variants.productId, target.id)))
			.limit(1);
		const update = await captured(
			ATTACKER,
			await sandbox().updateProduct(ATTACKER, target.id, { title: "Planted in the victim's catalogue" }),
		);
		const weight = await captured(
			ATTACKER,
			await sandbox().setWeight(ATTACKER, item.inventoryItemId!, { weight_value: 9, weight_unit: "kg" }),
		);
		const deleted = await captured(ATTACKER, await sandbox().deleteProduct(ATTACKER, target.id));
		const before = await victimState();
		expect(before.products.length).toBeGreaterThan(0);
		const expected = [
			[update[0], "unknown_product"],
			[weight[0], "unknown_inventory_item"],
			[deleted[0], "unknown_product"],
		] as const;
		for (const [delivery, reason] of expected) {
			const res = await relabel(delivery, { shop: VICTIM });
			expect([res.status, res.body], delivery.topic).toEqual([200, { ok: true, outcome: "ignored", reason }]);
		}
		expect(await victimState()).toEqual(before);
		expect(newMessages()).toEqual([]);
	});

	it("products/create of the attacker's product, relabelled for the victim, is confirmed with the victim's Shopify and stores nothing", async () => {
		const [create] = await captured(
			ATTACKER,
			await sandbox().createProduct(ATTACKER, {
				title: "Foreign listing",
				optionNames: ["Size"],
				variants: [{ options: ["One"], price: "5.00", sku: "FOREIGN-1" }],
			}),
		);
		const before = await victimState();
		const res = await relabel(create, { shop: VICTIM });
		expect([res.status, res.body]).toEqual([200, { ok: true, outcome: "confirming" }]);
		const foreignId = JSON.parse(create.body).admin_graphql_api_id.split("/").pop();
		expect(newMessages()).toEqual([{ type: "product.complete", shopId: VICTIM, productId: foreignId }]);
		const runs = await runQueuedJobs(queue, ["product.complete", "product.changed"]);
		expect(runs.map((r) => [r.body.type, r.acked])).toEqual([["product.complete", true]]);
		expect(await victimState()).toEqual(before);
	});
});

describe("products/create for a product the shop does not have yet", () => {
	it("stores what the shop's own Shopify answers, not the body: a create edited before it arrives lands current", async () => {
		const [create] = await captured(
			VICTIM,
			await sandbox().createProduct(VICTIM, {
				title: "Candle, first draft",
				optionNames: ["Size"],
				variants: [{ options: ["8 oz"], price: "12.00", sku: "CONFIRM-8" }],
			}),
		);
		const id = JSON.parse(create.body).admin_graphql_api_id.split("/").pop() as string;
		expect((await sandbox().updateProduct(VICTIM, id, { title: "Candle, final" })).status).toBe(200);
		const res = await replayDelivery(create);
		expect(await res.json()).toEqual({ ok: true, outcome: "confirming" });
		expect(await productIds(VICTIM)).not.toContain(id);
		const runs = await runQueuedJobs(queue, ["product.complete"]);
		expect(runs.map((r) => r.acked)).toEqual([true]);
		const [row] = await db
			.select()
			.from(products)
			.where(and(eq(products.shopId, VICTIM), eq(products.id, id)));
		expect(row.title).toBe("Candle, final");
		expect(newMessages().at(-1)).toMatchObject({ type: "product.changed", shopId: VICTIM, productId: id });
	});
});

describe("shop/redact with a body naming the shop", () => {
	it("deletes nothing while the shop is installed (answered 200: a retry could not change that)", async () => {
		const before = await victimState();
		const res = await deliverWebhook("shop/redact", VICTIM, JSON.stringify({ shop_id: 1, shop_domain: VICTIM }));
		expect([res.status, await res.json()]).toEqual([200, { ok: true, outcome: "ignored", reason: "shop_installed" }]);
		expect(await victimState()).toEqual(before);
	});

	it("purges an uninstalled shop only through its own body, and leaves every other shop alone", async () => {
		const [uninstall] = await captured(VICTIM, await sandbox().uninstall(VICTIM));
		expect((await replayDelivery(uninstall)).status).toBe(200);
		expect((await shopRow(VICTIM)).uninstalledAt).not.toBeNull();
		const attackerBefore = await shopRowCounts(ATTACKER);
		const before = await victimState();

		// The attacker's own redact body, relabelled: refused even though the victim is uninstalled.
		const foreign = await deliverWebhook("shop/redact", VICTIM, JSON.stringify({ shop_id: 2, shop_domain: ATTACKER }));
		expect(foreign.status).toBe(400);
		expect(await victimState()).toEqual(before);

		const [redact] = await captured(VICTIM, await sandbox().trigger(VICTIM, "shop/redact"));
		const res = await replayDelivery(redact);
		expect([res.status, await res.json()]).toEqual([200, { ok: true, outcome: "redacted" }]);
		expect(Object.values(await shopRowCounts(VICTIM)).every((n) => n === 0)).toBe(true);
		expect(await shopRowCounts(ATTACKER)).toEqual(attackerBefore);
	});
});
