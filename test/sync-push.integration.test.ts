/**
 * After the first sync, Shopify changes reach TikTok: price and inventory
 * through their update calls (no re-audit), content only when the shop pushes
 * content edits, and an archived product is deactivated. The changes start in
 * the Shopify sandbox, whose signed webhooks are replayed into the app.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { tiktokForShop } from "../worker/tiktok/for-shop";
import { replayDelivery, sandbox, sandboxDeliveries } from "./support/shopify";
import { api, plainLeaf, setUpShop, settled, type SyncShop, syncRows, templateBodyFor, waitFor } from "./support/sync";

let ctx: SyncShop;
let productId: string;
let tiktokId: string;
let listedVariantId: string;

/** Replays into the app every Shopify webhook the sandbox sent after `since` (the app is not reachable over HTTP here). */
async function replayNewWebhooks(since: number): Promise<number> {
	const deliveries = await sandboxDeliveries(ctx.shop);
	const fresh = deliveries.filter((d) => d.seq > since);
	for (const delivery of fresh) expect((await replayDelivery(delivery)).status).toBe(200);
	return Math.max(since, ...deliveries.map((d) => d.seq));
}

async function tiktokProduct() {
	const connection = await tiktokForShop(env, createDb(env.DB), ctx.shop);
	if (!connection.ok) throw new Error(connection.reason);
	const product = await connection.client.getProduct(tiktokId);
	if (!product.ok) throw new Error(product.error.message);
	return product.data;
}

let seq = 0;

beforeAll(async () => {
	ctx = await setUpShop("push", { productCount: 4 });
	const category = await plainLeaf(ctx.shop, "candle");
	const template = await api(ctx.shop, "POST", "/api/templates", {
		...(await templateBodyFor(ctx.shop, category)),
		name: "Default",
		isDefault: true,
	});
	await api(ctx.shop, "POST", `/api/templates/${template.body.id}/activate`);
	const rows = await settled(ctx.shop);
	const listed = rows.find((r) => r.tiktok_product_id);
	if (!listed?.tiktok_product_id) throw new Error("nothing listed");
	productId = listed.product_id;
	tiktokId = listed.tiktok_product_id;
	// A variant that is on TikTok: sold-out variants (about 1 in 10 in the sandbox's seeded stores) are left out of a create.
	const skus = await env.DB.prepare("SELECT tiktok_skus FROM product_sync WHERE shop_id = ? AND product_id = ?")
		.bind(ctx.shop, productId)
		.first<{ tiktok_skus: string }>();
	listedVariantId = Object.keys(JSON.parse(skus?.tiktok_skus ?? "{}"))[0] ?? "";
	if (!listedVariantId) throw new Error("the listed product has no TikTok SKU");
	seq = await replayNewWebhooks(0);
}, 120_000);

/** Each wait ends well inside the test's own timeout, so a failure names the step that stalled. */
const STEP = { tries: 100, intervalMs: 250 };
/** A loaded machine (the whole suite on 2 cores) can hold a queue batch for several seconds. */
const PUSH_TEST_TIMEOUT_MS = 90_000;

describe("pushing Shopify changes", () => {
	it(
		"a new price and stock reach TikTok without a new listing or review",
		async () => {
			const changed = await sandbox().updateProduct(ctx.shop, productId, {
				variants: [{ id: listedVariantId, price: "77.70", inventoryQuantity: 42 }],
			});
			expect(changed.status, JSON.stringify(changed.body)).toBeLessThan(300);
			seq = await waitFor(
				"the products/update webhook",
				async () => {
					const next = await replayNewWebhooks(seq);
					return next > seq ? next : undefined;
				},
				STEP,
			);
			const product = await waitFor(
				"TikTok's price and stock",
				async () => {
					const current = await tiktokProduct();
					const sku = current.skus.find((s) => JSON.stringify(s).includes("77.7"));
					return sku && JSON.stringify(sku.inventory).includes("42") ? current : undefined;
				},
				STEP,
			);
			expect(product.status).not.toBe("DELETED");
			const row = (await syncRows(ctx.shop)).find((r) => r.product_id === productId);
			expect(row?.tiktok_product_id).toBe(tiktokId);
		},
		PUSH_TEST_TIMEOUT_MS,
	);

	it(
		"an archived Shopify product is deactivated on TikTok",
		async () => {
			const changed = await sandbox().updateProduct(ctx.shop, productId, { status: "archived" });
			expect(changed.status).toBeLessThan(300);
			seq = await waitFor(
				"the products/update webhook",
				async () => {
					const next = await replayNewWebhooks(seq);
					return next > seq ? next : undefined;
				},
				STEP,
			);
			await waitFor("the deactivation", async () => ((await tiktokProduct()).status === "SELLER_DEACTIVATED" ? true : undefined), STEP);
			await waitFor(
				"the badge",
				async () => ((await syncRows(ctx.shop)).find((r) => r.product_id === productId)?.review_state === "deactivated" ? true : undefined),
				STEP,
			);
		},
		PUSH_TEST_TIMEOUT_MS,
	);
});
