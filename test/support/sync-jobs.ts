/**
 * Sync jobs run directly against D1 with a fake TikTok port: a shop that is
 * connected (as far as the jobs can tell), one catalogue product whose image
 * TikTok already hosts (so nothing is downloaded), and a manual sync run that
 * names the fake's leaf category.
 */
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { upsertProduct } from "../../worker/catalog/product-repo";
import { createDb } from "../../worker/db/client";
import { imageCache, productSync, shops } from "../../worker/db/schema";
import { type JobContext, jobContext } from "../../worker/jobs/context";
import type { QueueMessageOf } from "../../worker/jobs/messages";
import { queue } from "../../worker/sync/product-sync-repo";
import { createRun } from "../../worker/sync/runs";
import { TemplateConfig } from "../../worker/templates/schema";
import { makeProduct } from "./catalog";
import { type FakeTikTokPort, fakeTikTokPort, LEAF } from "./fake-tiktok-port";
import { seedInstalledShop } from "./shopify";

export const db = createDb(env.DB);
let next = 0;

/** A job context whose TikTok port is `fake` (and the shop's row as stored). */
export function contextWith(fake: FakeTikTokPort, attempts = 1): JobContext {
	return {
		...jobContext(env, createExecutionContext()),
		attempts,
		tiktok: async (shopId) => {
			const shop = await db.query.shops.findFirst({ where: eq(shops.id, shopId) });
			return shop
				? { ok: true, port: fake.port, shop }
				: { ok: false, reason: "not_connected", message: "Not connected.", transient: false };
		},
	};
}

export async function queuedProduct(prefix: string, overrides: Partial<typeof productSync.$inferInsert> = {}) {
	const shop = `${prefix}-${++next}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
	await seedInstalledShop(shop, { tiktokShopId: `7${Date.now()}`, tiktokRegion: "US", tiktokWarehouseId: "wh-1" });
	const product = makeProduct();
	const now = Date.now();
	await upsertProduct(db, shop, product, now);
	const src = product.images[0].src;
	await db.insert(imageCache).values({
		shopId: shop,
		sourceUrl: src,
		useCase: "MAIN_IMAGE",
		uri: "tos-hosted/main",
		url: "https://tiktok.example.test/main.png",
		width: 800,
		height: 800,
		createdAt: now,
	});
	const config = TemplateConfig.parse({ shipping: { backupWeight: 0.5 } });
	const runId = await createRun(db, shop, {
		kind: "manual",
		templateId: null,
		total: 1,
		status: "running",
		overrides: { categoryId: LEAF.id, config },
	});
	const [queued] = await queue(db, shop, [product.id], { id: runId, templateId: null }, ["not_synced"]);
	if (Object.keys(overrides).length) await db.update(productSync).set(overrides).where(eq(productSync.shopId, shop));
	const message: QueueMessageOf<"sync.product"> = {
		type: "sync.product",
		shopId: shop,
		productId: product.id,
		runId,
		generation: queued.generation,
	};
	return {
		shop,
		product,
		message,
		row: async () => (await db.query.productSync.findFirst({ where: eq(productSync.shopId, shop) }))!,
		fake: fakeTikTokPort(),
	};
}

export async function shopRow(shop: string) {
	return (await db.query.shops.findFirst({ where: eq(shops.id, shop) }))!;
}
