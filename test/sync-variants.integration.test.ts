/**
 * Variants over time, end to end: a Shopify sandbox product listed with one
 * size sold out; the size restocked, a size added and a size deleted in
 * Shopify each reach the one TikTok listing (through the sandbox's partial
 * edit), with no content-push setting and never a second listing.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { tiktokForShop } from "../worker/tiktok/for-shop";
import { replayDelivery, sandbox, sandboxDeliveries } from "./support/shopify";
import { api, inspectSeller, plainLeaf, setUpShop, settled, type SyncShop, syncRows, waitFor } from "./support/sync";
import { templateBodyFor } from "./support/sync";

let ctx: SyncShop;
let seq = 0;
let productGid = "";
let productId = "";
let tiktokId = "";
const variantIds: Record<string, number> = {};
const STEP = { tries: 120, intervalMs: 250 };
const TEST_TIMEOUT_MS = 90_000;

/** Replays every webhook the sandbox sent since the last call (the app is not reachable over HTTP here). */
async function replayNewWebhooks(): Promise<boolean> {
	const fresh = (await sandboxDeliveries(ctx.shop)).filter((d) => d.seq > seq);
	for (const delivery of fresh) {
		expect((await replayDelivery(delivery)).status).toBe(200);
		seq = Math.max(seq, delivery.seq);
	}
	return fresh.length > 0;
}

async function tiktokSellerSkus(): Promise<string[]> {
	const connection = await tiktokForShop(env, createDb(env.DB), ctx.shop);
	if (!connection.ok) throw new Error(connection.reason);
	const product = await connection.client.getProduct(tiktokId);
	if (!product.ok) throw new Error(product.error.message);
	return product.data.skus.map((s) => s.seller_sku).sort();
}

async function changeInShopify(patch: Record<string, unknown>) {
	const changed = await sandbox().updateProduct(ctx.shop, productId, patch);
	expect(changed.status, JSON.stringify(changed.body)).toBeLessThan(300);
	for (const node of changed.body.product.variants.nodes) variantIds[node.sku] = Number(String(node.id).split("/").pop());
	await waitFor("the products/update webhook", async () => (await replayNewWebhooks()) || undefined, STEP);
}

async function expectOneListing() {
	const seller = await inspectSeller(ctx.sellerId);
	expect(seller.listings.filter((l: { external_product_id: string }) => l.external_product_id === productGid)).toHaveLength(1);
	expect(seller.duplicates).toBe(0);
}

const skus = (...sizes: string[]) => sizes.map((s) => `VAR-${s}`).sort();

beforeAll(async () => {
	ctx = await setUpShop("variants", { productCount: 1 });
	const category = await plainLeaf(ctx.shop, "candle");
	const template = await api(ctx.shop, "POST", "/api/templates", {
		...(await templateBodyFor(ctx.shop, category)),
		name: "Default",
		isDefault: true,
	});
	await api(ctx.shop, "POST", `/api/templates/${template.body.id}/activate`);
	await settled(ctx.shop);
	await replayNewWebhooks();
	const created = await sandbox().createProduct(ctx.shop, {
		title: "Beeswax Pillar Candle",
		descriptionHtml: "<p>Hand poured beeswax.</p>",
		vendor: "Glow Co",
		productType: "Candles",
		optionNames: ["Size"],
		variants: [
			{ options: ["Small"], price: "12.00", sku: "VAR-Small", inventoryQuantity: 5 },
			{ options: ["Medium"], price: "16.00", sku: "VAR-Medium", inventoryQuantity: 0 },
		],
		images: [{ width: 800, height: 800 }],
	});
	expect(created.status, JSON.stringify(created.body)).toBe(201);
	productGid = created.body.product.id;
	productId = productGid.split("/").pop()!;
	for (const node of created.body.product.variants.nodes) variantIds[node.sku] = Number(String(node.id).split("/").pop());
	await waitFor("the products/create webhook", async () => (await replayNewWebhooks()) || undefined, STEP);
	const row = await waitFor(
		"the listing",
		async () => (await syncRows(ctx.shop)).find((r) => r.product_id === productId && r.sync_state === "synced" && r.tiktok_product_id),
		STEP,
	);
	tiktokId = row.tiktok_product_id!;
}, 120_000);

describe("a listing's variants follow Shopify", () => {
	it("was listed without the sold-out size", async () => {
		expect(await tiktokSellerSkus()).toEqual(skus("Small"));
		await expectOneListing();
	});

	it(
		"adds the sold-out size once it is back in stock",
		async () => {
			await changeInShopify({ variants: [{ id: variantIds["VAR-Medium"], inventoryQuantity: 4 }] });
			await waitFor(
				"the restocked size on TikTok",
				async () => JSON.stringify(await tiktokSellerSkus()) === JSON.stringify(skus("Small", "Medium")),
				STEP,
			);
			await expectOneListing();
		},
		TEST_TIMEOUT_MS,
	);

	it(
		"adds a size created in Shopify after the listing",
		async () => {
			await changeInShopify({ variants: [{ options: ["Large"], price: "20.00", sku: "VAR-Large", inventoryQuantity: 3 }] });
			await waitFor(
				"the new size on TikTok",
				async () => JSON.stringify(await tiktokSellerSkus()) === JSON.stringify(skus("Small", "Medium", "Large")),
				STEP,
			);
			await expectOneListing();
		},
		TEST_TIMEOUT_MS,
	);

	it(
		"removes a size deleted in Shopify",
		async () => {
			await changeInShopify({ removeVariantIds: [variantIds["VAR-Small"]] });
			await waitFor(
				"the deleted size gone from TikTok",
				async () => JSON.stringify(await tiktokSellerSkus()) === JSON.stringify(skus("Medium", "Large")),
				STEP,
			);
			await expectOneListing();
			const known = await env.DB.prepare("SELECT tiktok_skus FROM product_sync WHERE shop_id = ? AND product_id = ?")
				.bind(ctx.shop, productId)
				.first<{ tiktok_skus: string }>();
			const map = JSON.parse(known?.tiktok_skus ?? "{}") as Record<string, { skuId: string | null; sellerSku: string }>;
			expect(
				Object.values(map)
					.map((s) => s.sellerSku)
					.sort(),
			).toEqual(skus("Medium", "Large"));
			expect(Object.values(map).every((s) => s.skuId)).toBe(true);
		},
		TEST_TIMEOUT_MS,
	);
});
