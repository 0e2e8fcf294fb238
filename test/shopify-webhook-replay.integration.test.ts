import { env } from "cloudflare:workers";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "../worker/db/client";
import { products, shops, variants, webhookReceipts } from "../worker/db/schema";
import { uniqueShop } from "./sandbox/shopify/client";
import { installShop, replayDelivery, runQueuedJobs, sandbox, sandboxDeliveries, spyOnSyncQueue } from "./support/shopify";

/**
 * Merchant edits made in the Shopify sandbox, whose signed webhooks (from its
 * outbox) are replayed byte for byte into the Worker: duplicated, reordered.
 */
const SHOP = uniqueShop("replay");
const db = createDb(env.DB);
let queue: ReturnType<typeof spyOnSyncQueue>;

beforeAll(async () => {
	queue = spyOnSyncQueue();
	await installShop(SHOP, { productCount: 6 });
	await runQueuedJobs(queue, ["import.page", "product.complete"]);
});
afterAll(() => vi.restoreAllMocks());

const product = async (id: string) =>
	(
		await db
			.select()
			.from(products)
			.where(and(eq(products.shopId, SHOP), eq(products.id, id)))
	)[0];
const variantsOf = (id: string) =>
	db
		.select()
		.from(variants)
		.where(and(eq(variants.shopId, SHOP), eq(variants.productId, id)))
		.orderBy(asc(variants.position));

/** The outbox entries a sandbox knob call queued (its answer lists their ids). */
async function deliveriesFor(response: { status: number; body: Record<string, any> }) {
	expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
	const ids = new Set((response.body.deliveries as { id: string }[]).map((d) => d.id));
	return (await sandboxDeliveries(SHOP)).filter((d) => ids.has(d.id));
}

async function replay(delivery: Parameters<typeof replayDelivery>[0]) {
	const res = await replayDelivery(delivery);
	const body = await res.json<{ outcome: string }>();
	expect(res.status, JSON.stringify(body)).toBe(200);
	return body.outcome;
}

describe("sandbox webhooks replayed into the Worker", () => {
	it("stores an edit once when delivered three times, and ignores an older edit arriving last", async () => {
		const [target] = await db.select().from(products).where(eq(products.shopId, SHOP)).orderBy(asc(products.id)).limit(1);
		const first = await deliveriesFor(await sandbox().updateProduct(SHOP, target.id, { title: "First edit" }));
		const second = await deliveriesFor(await sandbox().updateProduct(SHOP, target.id, { title: "Second edit", tags: ["a", " b "] }));
		expect(first.map((d) => d.topic)).toEqual(["products/update"]);

		expect([await replay(second[0]), await replay(second[0]), await replay(second[0])]).toEqual(["stored", "duplicate", "duplicate"]);
		expect(await replay(first[0])).toBe("stale");
		const row = await product(target.id);
		expect([row.title, row.tags]).toEqual(["Second edit", JSON.stringify(["a", "b"])]);
		const receipts = await db
			.select()
			.from(webhookReceipts)
			.where(and(eq(webhookReceipts.shopId, SHOP), eq(webhookReceipts.deliveryId, second[0].id)));
		expect(receipts).toHaveLength(1);
	});

	it("takes a weight from inventory_items/update, and a later products/update keeps it", async () => {
		const [variant] = await db
			.select()
			.from(variants)
			.where(and(eq(variants.shopId, SHOP), isNotNull(variants.inventoryItemId)))
			.orderBy(asc(variants.productId))
			.limit(1);
		const weight = await deliveriesFor(
			await sandbox().setWeight(SHOP, variant.inventoryItemId!, { weight_value: 1.25, weight_unit: "kg" }),
		);
		expect(weight.map((d) => d.topic)).toEqual(["inventory_items/update"]);
		expect(await replay(weight[0])).toBe("stored");
		const weighed = (await variantsOf(variant.productId)).find((v) => v.id === variant.id)!;
		expect([weighed.weightGrams, weighed.weightValue, weighed.weightUnit]).toEqual([1250, 1.25, "kg"]);

		const priced = await deliveriesFor(await sandbox().updateProduct(SHOP, variant.productId, { title: "Priced" }));
		expect(await replay(priced[0])).toBe("stored");
		const kept = (await variantsOf(variant.productId)).find((v) => v.id === variant.id)!;
		expect(kept.weightGrams).toBe(1250);
		expect((await product(variant.productId)).title).toBe("Priced");
	});

	it("soft-deletes on products/delete and stops everything on app/uninstalled", async () => {
		const [target] = await db.select().from(products).where(eq(products.shopId, SHOP)).orderBy(asc(products.id)).limit(1).offset(1);
		const deleted = await deliveriesFor(await sandbox().deleteProduct(SHOP, target.id));
		expect(await replay(deleted[0])).toBe("deleted");
		expect((await product(target.id)).deletedAt).not.toBeNull();

		const uninstall = await deliveriesFor(await sandbox().uninstall(SHOP));
		expect(await replay(uninstall[0])).toBe("uninstalled");
		const [shop] = await db.select().from(shops).where(eq(shops.id, SHOP));
		expect([shop.shopifyAccessTokenEnc, shop.shopifyRefreshTokenEnc]).toEqual([null, null]);
		expect(shop.uninstalledAt).not.toBeNull();
	});
});
