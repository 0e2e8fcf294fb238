import { env, exports } from "cloudflare:workers";
import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toGrams } from "../worker/catalog/weight";
import { createDb } from "../worker/db/client";
import { imports, products, variants } from "../worker/db/schema";
import { uniqueShop } from "./sandbox/shopify/client";
import { APP, installShop, replayDelivery, runQueuedJobs, sandbox, sandboxDeliveries, sessionFor, spyOnSyncQueue } from "./support/shopify";

/** A store generated like the demo store (same seed and size), so the import sees the demo catalogue. */
const SHOP = uniqueShop("import-demo");
const db = createDb(env.DB);
let queue: ReturnType<typeof spyOnSyncQueue>;

type Expected = Map<string, Map<string, number | null>>;

/** What the sandbox holds: product id → variant id → grams (read straight from its GraphQL API, with a roomy bucket). */
async function sandboxCatalogue(): Promise<Expected> {
	const token = await sandbox().token(SHOP);
	const grams = (w: { value: number; unit: string } | null) => (w ? toGrams(w.value, w.unit) : null);
	const variantsOf = (nodes: any[]) => new Map(nodes.map((v) => [v.legacyResourceId as string, grams(v.inventoryItem.measurement.weight)]));
	const result: Expected = new Map();
	let after: string | null = null;
	for (let page = 0; page < 10; page++) {
		const res = await sandbox().graphql(
			SHOP,
			token,
			`query($after: String) { products(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id legacyResourceId variants(first: 100) { pageInfo { hasNextPage } nodes { legacyResourceId inventoryItem { measurement { weight { value unit } } } } } } } }`,
			{ after },
		);
		const conn = res.body.data.products;
		for (const p of conn.nodes) {
			let nodes = p.variants.nodes;
			if (p.variants.pageInfo.hasNextPage) {
				const full = await sandbox().graphql(
					SHOP,
					token,
					`query($id: ID!) { product(id: $id) { variants(first: 2000) { nodes { legacyResourceId inventoryItem { measurement { weight { value unit } } } } } } }`,
					{ id: p.id },
				);
				nodes = full.body.data.product.variants.nodes;
			}
			result.set(p.legacyResourceId, variantsOf(nodes));
		}
		if (!conn.pageInfo.hasNextPage) break;
		after = conn.pageInfo.endCursor;
	}
	return result;
}

async function storedCatalogue(): Promise<Expected> {
	const rows = await db
		.select({ productId: variants.productId, id: variants.id, grams: variants.weightGrams })
		.from(variants)
		.where(eq(variants.shopId, SHOP));
	const result: Expected = new Map();
	for (const row of rows) result.set(row.productId, (result.get(row.productId) ?? new Map()).set(row.id, row.grams));
	return result;
}

beforeAll(async () => {
	await sandbox().createStore({ shop: SHOP, seed: "demo-store", productCount: 300 });
	// A roomy bucket: this test is about completeness; throttling has its own test.
	await sandbox().throttle(SHOP, {
		maximumAvailable: 10_000_000,
		currentlyAvailable: 10_000_000,
		restoreRate: 10_000_000,
		maxQueryCost: 1_000_000,
	});
	queue = spyOnSyncQueue();
});
afterAll(() => vi.restoreAllMocks());

describe("catalogue import against the sandbox", () => {
	it("imports every product, with every variant and its weight, page by page through the queue", async () => {
		const { importId } = await installShop(SHOP, { productCount: 300 });
		const runs = await runQueuedJobs(queue, ["import.page", "product.complete"], 400);
		expect(
			runs.every((r) => r.acked),
			JSON.stringify(runs.filter((r) => !r.acked)),
		).toBe(true);
		expect(runs.filter((r) => r.body.type === "import.page").length).toBe(Math.ceil(300 / 9));
		expect(runs.filter((r) => r.body.type === "product.complete").length).toBe(2);

		const [row] = await db
			.select()
			.from(imports)
			.where(and(eq(imports.shopId, SHOP), eq(imports.id, importId!)));
		expect([row.status, row.imported, row.total, row.error]).toEqual(["done", 300, 300, null]);
		expect(row.finishedAt).not.toBeNull();

		const expected = await sandboxCatalogue();
		expect(expected.size).toBe(300);
		expect(await storedCatalogue()).toEqual(expected);
		const weighed = [...expected.values()].flatMap((vs) => [...vs.values()]).filter((g) => g !== null);
		expect(weighed.length).toBeGreaterThan(300);
		const [incomplete] = await db
			.select({ n: count() })
			.from(products)
			.where(and(eq(products.shopId, SHOP), eq(products.variantsIncomplete, true)));
		expect(incomplete.n).toBe(0);

		const status = await exports.default.fetch(`${APP}/api/import`, { headers: await sessionFor(SHOP) });
		expect(await status.json()).toMatchObject({ import: { id: importId, status: "done", imported: 300, total: 300 } });
	});

	it("changes nothing when run again: same rows, no product.changed", async () => {
		const before = await db.select().from(products).where(eq(products.shopId, SHOP));
		const variantsBefore = await db.select().from(variants).where(eq(variants.shopId, SHOP));
		const sentBefore = queue.messages().length;

		const res = await exports.default.fetch(`${APP}/api/import`, { method: "POST", headers: await sessionFor(SHOP) });
		const body = await res.json<{ started: boolean; import: { id: string } }>();
		expect(res.status, JSON.stringify(body)).toBe(202);
		// Idempotent while it runs: a second POST returns the same import.
		const again = await exports.default.fetch(`${APP}/api/import`, { method: "POST", headers: await sessionFor(SHOP) });
		expect(await again.json()).toMatchObject({ started: false, import: { id: body.import.id, status: "running" } });

		const runs = await runQueuedJobs(queue, ["import.page", "product.complete"], 400);
		expect(runs.every((r) => r.acked)).toBe(true);
		const newMessages = queue.messages().slice(sentBefore);
		expect(newMessages.filter((m) => m.type !== "import.page")).toEqual([]);
		expect(await db.select().from(products).where(eq(products.shopId, SHOP))).toEqual(before);
		expect(await db.select().from(variants).where(eq(variants.shopId, SHOP))).toEqual(variantsBefore);
	});

	it("completes a product whose products/update payload was cut at 100 variants", async () => {
		const [large] = await db.select().from(products).where(eq(products.shopId, SHOP)).orderBy(desc(products.variantCount)).limit(1);
		expect(large.variantCount).toBeGreaterThan(100);
		const edit = await sandbox().updateProduct(SHOP, large.id, { title: "Big edit" });
		const [delivery] = (await sandboxDeliveries(SHOP)).filter((d) => d.id === edit.body.deliveries[0].id);
		const payload = JSON.parse(delivery.body) as { variants: unknown[]; variant_gids: unknown[] };
		expect([payload.variants.length, payload.variant_gids.length]).toEqual([100, large.variantCount]);

		const res = await replayDelivery(delivery);
		expect(await res.json()).toMatchObject({ outcome: "stored" });
		const [cut] = await db
			.select()
			.from(products)
			.where(and(eq(products.shopId, SHOP), eq(products.id, large.id)));
		// The payload's 100 variants are applied; the stored rest is kept until completion.
		expect([cut.title, cut.variantsIncomplete, cut.variantCount]).toEqual(["Big edit", true, large.variantCount]);

		const runs = await runQueuedJobs(queue, ["product.complete"]);
		expect(runs.map((r) => [r.body.type, r.acked])).toEqual([["product.complete", true]]);
		const [complete] = await db
			.select()
			.from(products)
			.where(and(eq(products.shopId, SHOP), eq(products.id, large.id)));
		expect([complete.variantsIncomplete, complete.variantCount]).toEqual([false, large.variantCount]);
		expect((await storedCatalogue()).get(large.id)).toEqual((await sandboxCatalogue()).get(large.id));
	});
});
