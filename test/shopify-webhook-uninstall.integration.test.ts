import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../worker/db/client";
import { imports, shops } from "../worker/db/schema";
import { deliverWebhook, seedInstalledShop, shopRowCounts, spyOnSyncQueue } from "./support/shopify";
import { seedKnownProduct } from "./support/shopify-known-product";
import { restProductPayload, shopifyJson } from "./support/shopify-payloads";

const db = createDb(env.DB);
let queue: ReturnType<typeof spyOnSyncQueue>;
beforeEach(() => {
	queue = spyOnSyncQueue();
});
afterEach(() => vi.restoreAllMocks());

const shopRow = async (shop: string) => (await db.select().from(shops).where(eq(shops.id, shop)))[0];
const shopPayload = (shop: string) =>
	JSON.stringify({ id: 60000000001, name: "Store", myshopify_domain: null, domain: shop, weight_unit: "kg" });

describe("app/uninstalled", () => {
	it("deletes the Shopify and TikTok tokens at once, stops the import, and later product webhooks are ignored", async () => {
		const shop = "uninstall-store.myshopify.com";
		await seedInstalledShop(shop, {
			tiktokAccessTokenEnc: "v1.x.y",
			tiktokRefreshTokenEnc: "v1.x.z",
			tiktokAccessExpiresAt: 1,
			tiktokShopCipher: "cipher",
		});
		const now = Date.now();
		await db.insert(imports).values({ shopId: shop, id: "imp-1", status: "running", createdAt: now, updatedAt: now });

		const res = await deliverWebhook("app/uninstalled", shop, shopPayload(shop));
		expect(await res.json()).toMatchObject({ outcome: "uninstalled" });
		const row = await shopRow(shop);
		expect(row.uninstalledAt).not.toBeNull();
		expect([
			row.shopifyAccessTokenEnc,
			row.shopifyRefreshTokenEnc,
			row.shopifyTokenExpiresAt,
			row.tiktokAccessTokenEnc,
			row.tiktokRefreshTokenEnc,
		]).toEqual([null, null, null, null, null]);
		expect((await db.select().from(imports).where(eq(imports.shopId, shop)))[0].status).toBe("failed");

		const before = await shopRowCounts(shop);
		const update = await deliverWebhook(
			"products/update",
			shop,
			shopifyJson(restProductPayload({ id: 1n, updatedAt: "2026-06-01T00:00:00Z" })),
		);
		expect(await update.json()).toMatchObject({ outcome: "ignored", reason: "shop_not_installed" });
		expect(await shopRowCounts(shop)).toEqual(before);
		expect(queue.messages()).toEqual([]);
	});

	it("skips an uninstall that happened before the shop's latest install (a late delivery after a reinstall)", async () => {
		const shop = "reinstalled-store.myshopify.com";
		await seedInstalledShop(shop, { installedAt: Date.now() });
		const res = await deliverWebhook("app/uninstalled", shop, shopPayload(shop), {
			triggeredAt: new Date(Date.now() - 3_600_000).toISOString(),
		});
		expect(await res.json()).toMatchObject({ outcome: "older_than_install" });
		const row = await shopRow(shop);
		expect([row.uninstalledAt, row.shopifyAccessTokenEnc === null]).toEqual([null, false]);
	});
});

describe("shop/redact", () => {
	it("deletes every row of the shop in every table, and only that shop's", async () => {
		const shop = "redact-store.myshopify.com";
		const other = "neighbour-store.myshopify.com";
		for (const s of [shop, other]) {
			await seedInstalledShop(s);
			await seedKnownProduct(s, restProductPayload({ id: 42n, updatedAt: "2026-06-01T00:00:00Z" }));
		}
		await deliverWebhook("app/uninstalled", shop, shopPayload(shop));
		const otherBefore = await shopRowCounts(other);
		expect((await shopRowCounts(shop)).products).toBe(1);

		const res = await deliverWebhook("shop/redact", shop, JSON.stringify({ shop_id: 60000000002, shop_domain: shop }));
		expect(res.status).toBe(200);
		expect(Object.values(await shopRowCounts(shop))).toEqual(Object.values(otherBefore).map(() => 0));
		expect(await shopRowCounts(other)).toEqual(otherBefore);
	});
});

describe("customers/data_request and customers/redact", () => {
	it("are acknowledged for any shop: the app holds no customer data", async () => {
		const shop = "privacy-store.myshopify.com";
		const payload = JSON.stringify({
			shop_id: 1,
			shop_domain: shop,
			customer: { id: 1, email: "a@b.c", phone: null },
			orders_requested: [],
		});
		for (const topic of ["customers/data_request", "customers/redact"]) {
			const res = await deliverWebhook(topic, shop, payload);
			expect(await res.json()).toMatchObject({ ok: true, outcome: "no_customer_data" });
		}
	});
});
