/**
 * Linking through the real Worker, D1, Queue, limiter and both sandboxes: a
 * shop whose products are already on TikTok (listings made outside the app,
 * seeded in the TikTok sandbox) connects, the inventory links them, and
 * activating the default template creates none of them again. A partial SKU
 * overlap is ambiguous and nothing is created for it; a product created in
 * Shopify later whose SKU is already on TikTok is linked, not created.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { uniqueShop } from "./sandbox/shopify/client";
import { installShop, replayDelivery, sandbox, sandboxDeliveries } from "./support/shopify";
import { api, inspectSeller, plainLeaf, settled, syncRows, templateBodyFor, waitFor } from "./support/sync";
import { connectTikTokShop, createSandboxSeller } from "./support/tiktok";

const shop = uniqueShop("linking");
let sellerId: string;
/** Shopify product id → the id of the listing seeded for it. */
const seededFor = new Map<string, string>();
let ambiguousProduct: string;
let deletedListingProduct: string;
let ambiguousListing: string;

async function seed(listings: { seller_skus: string[]; status?: string }[]): Promise<string[]> {
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${sellerId}/listings`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ listings }),
	});
	if (res.status !== 201) throw new Error(`seed: ${res.status} ${await res.text()}`);
	return (await res.json<{ product_ids: string[] }>()).product_ids;
}

/** Active products whose every variant has a SKU no other product uses, with those SKUs. */
async function productsWithOwnSkus(): Promise<[string, string[]][]> {
	const { results } = await env.DB.prepare(
		`SELECT p.id, v.sku FROM products p JOIN variants v ON v.shop_id = p.shop_id AND v.product_id = p.id
		 WHERE p.shop_id = ? AND p.status = 'active' ORDER BY p.id, v.id`,
	)
		.bind(shop)
		.all<{ id: string; sku: string | null }>();
	const owners = Map.groupBy(
		results.filter((r) => r.sku),
		(r) => r.sku as string,
	);
	const byProduct = Map.groupBy(results, (r) => r.id);
	return [...byProduct]
		.filter(([, rows]) => rows.every((r) => r.sku && /^[\w.-]+$/.test(r.sku) && owners.get(r.sku)?.length === 1))
		.map(([id, rows]) => [id, rows.map((r) => r.sku as string)]);
}

const inventoryDone = () =>
	waitFor(
		"the inventory of TikTok listings",
		async () =>
			(await env.DB.prepare("SELECT tiktok_inventory_at AS at FROM shops WHERE id = ?").bind(shop).first<{ at: number | null }>())?.at ??
			undefined,
	);

let seq = 0;
async function replayNewWebhooks() {
	const deliveries = await sandboxDeliveries(shop);
	for (const delivery of deliveries.filter((d) => d.seq > seq)) expect((await replayDelivery(delivery)).status).toBe(200);
	seq = Math.max(seq, ...deliveries.map((d) => d.seq));
}

beforeAll(async () => {
	await installShop(shop, { productCount: 30 });
	await waitFor(
		"the catalogue import",
		async () => (await api<{ import: { status: string } | null }>(shop, "GET", "/api/import")).body.import?.status === "done",
	);
	await replayNewWebhooks(); // the import's own deliveries, if any: not the changes the last test makes
	sellerId = (await createSandboxSeller({ region: "US", writeRatePerSecond: 1000, readRatePerSecond: 1000, auditDelayMs: 0 })).seller_id;
	const candidates = await productsWithOwnSkus();
	if (candidates.length < 22) throw new Error(`only ${candidates.length} products with their own SKUs`);
	const linkedOnes = candidates.slice(0, 20);
	const ids = await seed(linkedOnes.map(([, skus]) => ({ seller_skus: skus })));
	for (const [i, [productId]] of linkedOnes.entries()) seededFor.set(productId, ids[i]);
	[ambiguousProduct] = candidates[20];
	[ambiguousListing] = await seed([{ seller_skus: [candidates[20][1][0], "LINK-NOT-IN-SHOPIFY"] }]);
	// A deleted listing is not on TikTok any more: its product is created as usual.
	[deletedListingProduct] = candidates[21];
	await seed([
		{ seller_skus: candidates[21][1], status: "DELETED" },
		{ seller_skus: ["OUTSIDE-ONLY-1"] },
		{ seller_skus: ["OUTSIDE-ONLY-2", "OUTSIDE-ONLY-3"] },
		{ seller_skus: ["AUD-DUP-1"] },
	]);
	await connectTikTokShop(shop, { sellerId });
	await inventoryDone();
}, 180_000);

describe("linking what is already on TikTok", () => {
	it("at connect, 20 listings made outside the app are linked to their products; the rest are counted", async () => {
		const linking = await api<{
			linked: number;
			ambiguous: number;
			onTikTokOnly: number;
			ambiguousListings: { tiktokProductId: string; reason: string; candidates: { id: string; title: string }[] }[];
		}>(shop, "GET", "/api/linking");
		expect(linking.status).toBe(200);
		expect(linking.body).toMatchObject({ linked: 20, ambiguous: 1, onTikTokOnly: 3 });
		expect(linking.body.ambiguousListings.map((l) => l.tiktokProductId)).toEqual([ambiguousListing]);
		// Both sides: the Shopify product that shares the listing's SKU is offered to link.
		expect(linking.body.ambiguousListings[0].candidates.map((p) => p.id)).toEqual([ambiguousProduct]);
		const rows = new Map((await syncRows(shop)).map((r) => [r.product_id, r]));
		for (const [productId, listingId] of seededFor)
			expect(rows.get(productId)).toMatchObject({ sync_state: "linked", tiktok_product_id: listingId });
		const page = await api<{ total: number; products: { badge: string }[] }>(shop, "GET", "/api/products?badge=linked&limit=100");
		expect(page.body.total).toBe(20);
	});

	it("activating the default template creates none of them (0 duplicates) and nothing for the ambiguous match; their price and stock are pushed", async () => {
		const category = await plainLeaf(shop, "candle");
		const template = await api(shop, "POST", "/api/templates", {
			...(await templateBodyFor(shop, category)),
			name: "Default",
			isDefault: true,
		});
		expect(template.status, JSON.stringify(template.body)).toBe(201);
		expect((await api(shop, "POST", `/api/templates/${template.body.id}/activate`)).status).toBe(202);
		const rows = await settled(shop, { tries: 400, intervalMs: 250 });
		const byId = new Map(rows.map((r) => [r.product_id, r]));
		for (const [productId, listingId] of seededFor)
			expect(byId.get(productId)).toMatchObject({ sync_state: "linked", tiktok_product_id: listingId });
		expect(byId.get(ambiguousProduct)).toMatchObject({
			sync_state: "failed",
			last_error_code: "AMBIGUOUS_TIKTOK_MATCH",
			tiktok_product_id: null,
		});
		expect(byId.get(deletedListingProduct)?.sync_state).toMatch(/^(synced|failed)$/);

		const seller = await inspectSeller(sellerId);
		expect(seller.duplicates).toBe(0);
		const createdByApp = (seller.listings as { product_id: string; create_payload: string }[]).filter((l) => l.create_payload !== "");
		expect(createdByApp).toHaveLength(rows.filter((r) => r.sync_state === "synced").length);
		const seededIds = new Set(seededFor.values());
		expect(createdByApp.filter((l) => seededIds.has(l.product_id))).toEqual([]);

		await waitFor("price and stock pushed to the linked listings", async () => {
			const { results } = await env.DB.prepare("SELECT price_hash FROM product_sync WHERE shop_id = ? AND sync_state = 'linked'")
				.bind(shop)
				.all<{ price_hash: string | null }>();
			return results.length === 20 && results.every((r) => r.price_hash);
		});
	}, 180_000);

	it("a product created in Shopify after install whose SKU is already on TikTok is linked, not created (found in the inventory, or by a search when the SKU is new)", async () => {
		const listingsBefore = (await inspectSeller(sellerId)).listings.length;
		const [laterListing] = await seed([{ seller_skus: ["AUD-DUP-2"] }]);
		for (const sku of ["AUD-DUP-1", "AUD-DUP-2"]) {
			const created = await sandbox().createProduct(shop, {
				title: `Duplicate audit ${sku}`,
				productType: "Candles",
				vendor: "Hearth & Wick",
				variants: [{ price: "21.00", sku, inventoryQuantity: 4 }],
			});
			expect(created.status, JSON.stringify(created.body)).toBe(201);
		}
		await replayNewWebhooks();
		const linked = await waitFor(
			"the new products linked",
			async () => {
				const { results } = await env.DB.prepare(
					`SELECT s.sync_state, s.tiktok_product_id, v.sku FROM product_sync s JOIN variants v ON v.shop_id = s.shop_id AND v.product_id = s.product_id
				 WHERE s.shop_id = ? AND v.sku IN ('AUD-DUP-1', 'AUD-DUP-2') ORDER BY v.sku`,
				)
					.bind(shop)
					.all<{ sync_state: string; tiktok_product_id: string | null; sku: string }>();
				return results.length === 2 && results.every((r) => !["not_synced", "queued", "syncing"].includes(r.sync_state))
					? results
					: undefined;
			},
			{ tries: 200, intervalMs: 250 },
		);
		expect(linked.map((r) => r.sync_state)).toEqual(["linked", "linked"]);
		expect(linked[1].tiktok_product_id).toBe(laterListing);
		const seller = await inspectSeller(sellerId);
		expect(seller.duplicates).toBe(0);
		expect(seller.listings).toHaveLength(listingsBefore + 1);
	}, 120_000);

	it("the merchant settles an ambiguous match: bad answers are refused with the error envelope, a product sharing a SKU is linked", async () => {
		const notShared = [...seededFor.keys()][0];
		const wrong = await api<{ error: { code: string; issues: { path: string }[] } }>(shop, "POST", `/api/linking/${ambiguousListing}`, {
			action: "link",
			productId: notShared,
		});
		expect(wrong.status).toBe(422);
		expect(wrong.body.error).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "productId" }] });
		expect((await api(shop, "POST", `/api/linking/${ambiguousListing}`, { action: "merge" })).status).toBe(400);
		expect((await api<{ error: { code: string } }>(shop, "POST", "/api/linking/1234567890", { action: "skip" })).body.error.code).toBe(
			"NOT_FOUND",
		);
		expect(
			(await api<{ error: { code: string } }>(shop, "POST", `/api/linking/${seededFor.get(notShared)}`, { action: "skip" })).body.error
				.code,
		).toBe("CONFLICT");

		const confirmed = await api(shop, "POST", `/api/linking/${ambiguousListing}`, { action: "link", productId: ambiguousProduct });
		expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
		expect(confirmed.body).toEqual({ match: "linked", productId: ambiguousProduct });
		const row = (await syncRows(shop)).find((r) => r.product_id === ambiguousProduct);
		expect(row).toMatchObject({ sync_state: "linked", tiktok_product_id: ambiguousListing });
		expect((await api(shop, "GET", "/api/linking")).body).toMatchObject({ ambiguous: 0, ambiguousListings: [] });
		expect((await inspectSeller(sellerId)).duplicates).toBe(0);
	});
});
