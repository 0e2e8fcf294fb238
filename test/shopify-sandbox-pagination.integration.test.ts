/**
 * Cursor pagination of `products`: every product exactly once, whatever the page
 * size, sort key or filter, and the page-size limit Shopify enforces.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP, shopifySandbox } from "./sandbox/shopify/client";

const sandbox = shopifySandbox(env.SHOPIFY_ADMIN_BASE);

const PAGE = `query Page($first: Int!, $after: String, $query: String, $sortKey: ProductSortKeys, $reverse: Boolean) {
	products(first: $first, after: $after, query: $query, sortKey: $sortKey, reverse: $reverse) { pageInfo { hasNextPage endCursor } nodes { id updatedAt status } }
}`;

async function allIds(token: string, vars: { first: number; query?: string; sortKey?: string; reverse?: boolean }) {
	const ids: string[] = [];
	let after: string | null = null;
	for (let page = 0; page < 200; page++) {
		const res = await sandbox.graphqlPatiently(DEMO_SHOP, token, PAGE, { ...vars, after });
		expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
		const { nodes, pageInfo } = res.body.data.products;
		ids.push(...nodes.map((n: { id: string }) => n.id));
		if (!pageInfo.hasNextPage) return { ids, pages: page + 1 };
		after = pageInfo.endCursor;
	}
	throw new Error("pagination did not end");
}

async function count(token: string, query?: string): Promise<number> {
	const res = await sandbox.graphql(DEMO_SHOP, token, `query C($q: String) { productsCount(query: $q) { count } }`, { q: query ?? null });
	return res.body.data.productsCount.count;
}

describe("products pagination", () => {
	it("returns every product exactly once with an odd page size", async () => {
		const token = await sandbox.token(DEMO_SHOP);
		const total = await count(token);
		const { ids, pages } = await allIds(token, { first: 37 });
		expect(ids).toHaveLength(total);
		expect(new Set(ids).size).toBe(total);
		expect(pages).toBe(Math.ceil(total / 37));
	});

	it("returns the same set sorted by UPDATED_AT, newest first", async () => {
		const token = await sandbox.token(DEMO_SHOP);
		const byId = await allIds(token, { first: 250 });
		const byUpdated = await allIds(token, { first: 50, sortKey: "UPDATED_AT", reverse: true });
		expect(new Set(byUpdated.ids)).toEqual(new Set(byId.ids));
		expect(byUpdated.ids).toHaveLength(byId.ids.length);
	});

	it("pages a filtered query completely and only over matching products", async () => {
		const token = await sandbox.token(DEMO_SHOP);
		const active = await count(token, "status:active");
		expect(active).toBeGreaterThan(0);
		expect(active).toBeLessThan(await count(token));
		const { ids } = await allIds(token, { first: 40, query: "status:active" });
		expect(ids).toHaveLength(active);
		expect(new Set(ids).size).toBe(active);
	});

	it("refuses pages over 250 products", async () => {
		const token = await sandbox.token(DEMO_SHOP);
		const res = await sandbox.graphql(DEMO_SHOP, token, PAGE, { first: 251 });
		expect(res.status).toBe(200);
		expect(res.body.data).toBeUndefined();
		expect(res.body.errors[0].extensions.code).toBe("MAX_PAGE_SIZE_EXCEEDED");
	});
});
