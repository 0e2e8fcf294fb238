/**
 * Benchmark: no product is listed twice when the shop already sells on TikTok.
 * A store of 300 products, 50 of which are already listed on TikTok "outside the
 * app" (seeded in the TikTok sandbox with the same seller SKUs) before the shop
 * connects. Connecting runs the inventory, which should link those 50; activating
 * the default template should then create only the other products. Goal: every
 * pre-existing listing linked, none created again, 0 duplicates counted by the
 * sandbox.
 */
import { type BenchShop, call, inspect, prepareShop, until } from "./app-client.ts";
import { activateAndWait, CATEGORY, withStack } from "./sync-throughput.ts";

type Json = Record<string, any>;

/** Products whose every variant has a SKU that no other product of the store uses, with those SKUs. */
async function productsWithOwnSkus(api: BenchShop["api"]): Promise<[string, string[]][]> {
	const ids: string[] = [];
	for (let offset = 0; ; offset += 100) {
		const page = await api("GET", `/api/products?limit=100&offset=${offset}`);
		ids.push(...page.products.filter((p: Json) => p.status === "active").map((p: Json) => p.id));
		if (offset + 100 >= page.total) break;
	}
	const skus = new Map<string, string[]>();
	for (const id of ids)
		skus.set(
			id,
			((await api("GET", `/api/products/${id}`)).product.variants as Json[]).map((v) => v.sku ?? ""),
		);
	const owners = new Map<string, number>();
	for (const list of skus.values()) for (const sku of list) owners.set(sku, (owners.get(sku) ?? 0) + 1);
	return [...skus].filter(([, list]) => list.length > 0 && list.every((sku) => sku && owners.get(sku) === 1));
}

export async function benchLinking(options: { products?: number; existing?: number; limit?: number } = {}) {
	const products = options.products ?? 300;
	const existing = options.existing ?? 50;
	const limit = options.limit ?? 25;
	return withStack(limit, async (stack) => {
		let seeded: string[] = [];
		let connectedAt = 0;
		const shop = await prepareShop(stack, "bench-linking.myshopify.com", {
			products,
			writeLimit: limit,
			categoryId: CATEGORY,
			beforeConnect: async (sellerId, api) => {
				const candidates = (await productsWithOwnSkus(api)).slice(0, existing);
				if (candidates.length < existing) throw new Error(`only ${candidates.length} products with their own SKUs`);
				const listings = candidates.map(([, seller_skus]) => ({ seller_skus }));
				seeded = (
					await call(`${stack.tiktokUrl}/__sandbox/sellers/${sellerId}/listings`, {
						method: "POST",
						headers: { "content-type": "application/json" },
						body: JSON.stringify({ listings }),
					})
				).product_ids;
				connectedAt = Date.now();
			},
		});
		const linking = await until(
			"the inventory to link the pre-existing listings",
			async () => {
				const state = await shop.api("GET", "/api/linking");
				return state.linked >= existing ? state : undefined;
			},
			{ seconds: 300, intervalMs: 500 },
		);
		const inventoryMs = Date.now() - connectedAt;
		await activateAndWait([shop], stack, Math.ceil((products * 8) / limit) + 300);
		const report = await inspect(stack, shop.sellerId);
		const seededIds = new Set(seeded);
		const created = (report.listings as Json[]).filter((l) => !seededIds.has(l.product_id)).length;
		console.log(
			`linking: ${linking.linked} of ${existing} listings already on TikTok linked (goal ${existing}); ${created} created for the other ${products - existing} products; ${report.duplicates} duplicates (goal 0); connect to linked in ${(inventoryMs / 1000).toFixed(1)} s`,
		);
		return { linked: linking.linked, created, duplicates: report.duplicates };
	});
}

if (import.meta.main) await benchLinking();
