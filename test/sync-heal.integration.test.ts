/**
 * Weight from Shopify's inventory item, and failures that heal: products made
 * in the Shopify sandbox after install reach TikTok with the weight Shopify
 * holds, and a product failed for a cause that later goes away (stock, weight)
 * syncs by itself when Shopify's change arrives, without a Re-sync. The
 * sandbox's signed webhooks are replayed into the app.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { replayDelivery, sandbox, sandboxDeliveries } from "./support/shopify";
import {
	api,
	editTemplate,
	inspectSeller,
	type Json,
	plainLeaf,
	setUpShop,
	type SyncShop,
	syncRows,
	templateBodyFor,
	waitFor,
} from "./support/sync";

let ctx: SyncShop;
let templateId = "";
let seq = 0;
const STEP = { tries: 160, intervalMs: 250 };
const TIMEOUT_MS = 90_000;

/** Replays every webhook the sandbox sent since the last replay (the app is not reachable over HTTP here). */
async function replayNewWebhooks(): Promise<void> {
	const deliveries = await sandboxDeliveries(ctx.shop);
	for (const delivery of deliveries.filter((d) => d.seq > seq)) expect((await replayDelivery(delivery)).status).toBe(200);
	seq = Math.max(seq, ...deliveries.map((d) => d.seq));
}

type Created = { id: string; inventoryItemId: string; variantId: string };

async function createInShopify(title: string, variant: Json): Promise<Created> {
	const res = await sandbox().createProduct(ctx.shop, {
		title,
		status: "active",
		images: [{ width: 800, height: 800 }],
		variants: [{ price: "19.00", ...variant }],
	});
	expect(res.status, JSON.stringify(res.body)).toBe(201);
	const node = res.body.product.variants.nodes[0];
	await replayNewWebhooks();
	return {
		id: String(res.body.product.legacyResourceId),
		variantId: String(node.legacyResourceId),
		inventoryItemId: String(node.inventoryItem.id).split("/").pop()!,
	};
}

const rowOf = async (productId: string) => (await syncRows(ctx.shop)).find((r) => r.product_id === productId);

async function settledAs(productId: string, states: string[]) {
	return waitFor(
		`product ${productId} to settle`,
		async () => {
			const row = await rowOf(productId);
			return row && states.includes(row.sync_state) ? row : undefined;
		},
		STEP,
	);
}

async function packageWeightOnTikTok(tiktokProductId: string | null): Promise<Json | undefined> {
	const seller = await inspectSeller(ctx.sellerId);
	const listing = (seller.listings as Json[]).find((l) => l.product_id === tiktokProductId);
	// The sandbox keeps the create request's body as TikTok received it: JSON text.
	return listing ? (JSON.parse(listing.create_payload as string) as Json).package_weight : undefined;
}

beforeAll(async () => {
	ctx = await setUpShop("heal", { productCount: 1 });
	const category = await plainLeaf(ctx.shop, "candle");
	// No backup weight: whatever TikTok gets came from Shopify, and a product without one fails NO_WEIGHT.
	const body = await templateBodyFor(ctx.shop, category, {
		shipping: { weightSource: "shopify", weightUnit: "KILOGRAM", backupWeight: null },
	});
	const template = await api(ctx.shop, "POST", "/api/templates", { ...body, name: "Default", isDefault: true });
	expect(template.status, JSON.stringify(template.body)).toBe(201);
	templateId = template.body.id;
	await api(ctx.shop, "POST", `/api/templates/${templateId}/activate`);
	await replayNewWebhooks();
}, 120_000);

describe("weight from the inventory item", () => {
	it(
		"a product created in Shopify after install with 300 g is listed at 0.3 kg",
		async () => {
			const mug = await createInShopify("Stoneware Coffee Mug With Speckled Glaze", {
				inventoryQuantity: 8,
				weight: { value: 300, unit: "GRAMS" },
			});
			const row = await settledAs(mug.id, ["synced", "failed"]);
			expect(row.sync_state, JSON.stringify(row)).toBe("synced");
			expect(await packageWeightOnTikTok(row.tiktok_product_id)).toEqual({ value: "0.3", unit: "KILOGRAM" });
		},
		TIMEOUT_MS,
	);
});

describe("failures that heal", () => {
	it(
		"a product failed OUT_OF_STOCK syncs by itself once Shopify's stock arrives",
		async () => {
			const phoneCase = await createInShopify("Clear Shockproof Phone Case With Grip Edges", {
				inventoryQuantity: 0,
				weight: { value: 40, unit: "GRAMS" },
			});
			const failed = await settledAs(phoneCase.id, ["failed", "synced"]);
			expect([failed.sync_state, failed.last_error_code]).toEqual(["failed", "OUT_OF_STOCK"]);
			const { body } = await api<{ products: Json[] }>(ctx.shop, "GET", "/api/products?limit=100");
			expect(JSON.stringify(body.products.find((p) => p.id === phoneCase.id))).toContain(
				"syncs again by itself when its stock changes in Shopify",
			);

			const restocked = await sandbox().updateProduct(ctx.shop, phoneCase.id, {
				variants: [{ id: phoneCase.variantId, inventoryQuantity: 12 }],
			});
			expect(restocked.status, JSON.stringify(restocked.body)).toBe(200);
			await replayNewWebhooks();
			const row = await settledAs(phoneCase.id, ["synced"]);
			expect(await packageWeightOnTikTok(row.tiktok_product_id)).toEqual({ value: "0.04", unit: "KILOGRAM" });
		},
		TIMEOUT_MS,
	);

	it(
		"a product failed NO_WEIGHT syncs by itself once its weight arrives (inventory_items/update)",
		async () => {
			const toy = await createInShopify("Squeaky Rope Dog Toy For Small Breeds", { inventoryQuantity: 5, weight: null });
			const failed = await settledAs(toy.id, ["failed", "synced"]);
			expect([failed.sync_state, failed.last_error_code]).toEqual(["failed", "NO_WEIGHT"]);

			const weighed = await sandbox().setWeight(ctx.shop, toy.inventoryItemId, { weight_value: 200, weight_unit: "g" });
			expect(weighed.status, JSON.stringify(weighed.body)).toBeLessThan(300);
			await replayNewWebhooks();
			const row = await settledAs(toy.id, ["synced"]);
			expect(await packageWeightOnTikTok(row.tiktok_product_id)).toEqual({ value: "0.2", unit: "KILOGRAM" });
		},
		TIMEOUT_MS,
	);

	it(
		"a variant added in Shopify waits for its weight (read from the Admin API) instead of failing NO_WEIGHT",
		async () => {
			const stand = await createInShopify("Adjustable Aluminium Phone Stand For Desks", {
				inventoryQuantity: 0,
				weight: { value: 90, unit: "GRAMS" },
			});
			const failed = await settledAs(stand.id, ["failed", "synced"]);
			expect([failed.sync_state, failed.last_error_code]).toEqual(["failed", "OUT_OF_STOCK"]);

			// The sold-out variant gives way to a new one in stock; products/update carries no weight for it.
			const replaced = await sandbox().updateProduct(ctx.shop, stand.id, {
				removeVariantIds: [Number(stand.variantId)],
				variants: [{ inventoryQuantity: 6, price: "21.00", weight: { value: 250, unit: "GRAMS" } }],
			});
			expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
			await replayNewWebhooks();
			// Either outcome ends the wait: listed, or failed again for the weight the webhook could not carry.
			const row = await waitFor(
				"the new variant's outcome",
				async () => {
					const r = await rowOf(stand.id);
					return r && (r.sync_state === "synced" || r.last_error_code === "NO_WEIGHT") ? r : undefined;
				},
				STEP,
			);
			expect([row.sync_state, row.last_error_code]).toEqual(["synced", null]);
			expect(await packageWeightOnTikTok(row.tiktok_product_id)).toEqual({ value: "0.25", unit: "KILOGRAM" });
		},
		TIMEOUT_MS,
	);

	it(
		"a product failed NO_WEIGHT syncs by itself once its template is saved with a backup weight",
		async () => {
			const candle = await createInShopify("Hand Poured Soy Candle In Amber Glass", { inventoryQuantity: 4, weight: null });
			const failed = await settledAs(candle.id, ["failed", "synced"]);
			expect([failed.sync_state, failed.last_error_code]).toEqual(["failed", "NO_WEIGHT"]);

			const saved = await editTemplate(ctx.shop, templateId, (template) => ({ shipping: { ...template.shipping, backupWeight: 0.45 } }));
			expect(saved.status, JSON.stringify(saved.body)).toBe(200);
			const row = await settledAs(candle.id, ["synced"]);
			expect(await packageWeightOnTikTok(row.tiktok_product_id)).toEqual({ value: "0.45", unit: "KILOGRAM" });
		},
		TIMEOUT_MS,
	);
});
