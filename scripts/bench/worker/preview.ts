/**
 * The preview benchmark's Worker (run by scripts/bench/preview.ts through
 * wrangler's test harness): seeds a synthetic catalogue into its local D1 and
 * times, inside the Worker, the app's real preview and a plain full scan.
 * Only `products` rows are written: rules and preview never read variants.
 */
import { WorkerEntrypoint } from "cloudflare:workers";
import { toProductRow } from "../../../worker/catalog/rows";
import { createDb } from "../../../worker/db/client";
import { products } from "../../../worker/db/schema";
import { previewTemplate } from "../../../worker/templates/assignment/preview";
import { parseRuleSet } from "../../../worker/templates/rules/schema";
import { compileRuleSet } from "../../../worker/templates/rules/sql";
import { liveProducts } from "../../../worker/templates/assignment/scope";
import { and } from "drizzle-orm";
import { benchProduct } from "./preview-catalogue";

type Env = { DB: D1Database };

const BENCH_SHOP = "bench.myshopify.com";
// 43 columns per product row: two rows per INSERT stay under D1's 100 bound parameters.
const ROWS_PER_INSERT = 2;
const INSERTS_PER_BATCH = 100;
// Reads every row. Not `title IS NOT NULL`: title is NOT NULL, so SQLite drops that
// term and counts index entries without reading a single row (about 10x faster).
const FULL_SCAN = "SELECT count(*) AS n FROM products WHERE shop_id = ? AND title <> ''";

function ruleSetOf(input: unknown) {
	const parsed = parseRuleSet(input);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.ruleSet;
}

export default class PreviewBench extends WorkerEntrypoint<Env> {
	async seed(from: number, count: number): Promise<void> {
		const db = createDb(this.env.DB);
		const rows = Array.from({ length: count }, (_, k) => toProductRow(BENCH_SHOP, benchProduct(from + k), 1));
		const inserts = [];
		for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) inserts.push(db.insert(products).values(rows.slice(i, i + ROWS_PER_INSERT)));
		for (let i = 0; i < inserts.length; i += INSERTS_PER_BATCH) {
			const chunk = inserts.slice(i, i + INSERTS_PER_BATCH);
			await db.batch(chunk as [(typeof chunk)[number], ...typeof chunk]);
		}
	}

	async preview(input: unknown): Promise<{ ms: number; total: number; shown: number }> {
		const ruleSet = ruleSetOf(input);
		const started = performance.now();
		const result = await previewTemplate(createDb(this.env.DB), BENCH_SHOP, ruleSet, { limit: 25 });
		return { ms: performance.now() - started, total: result.total, shown: result.products.length };
	}

	async scan(): Promise<{ ms: number; count: number }> {
		const started = performance.now();
		const row = await this.env.DB.prepare(FULL_SCAN).bind(BENCH_SHOP).first<{ n: number }>();
		return { ms: performance.now() - started, count: row?.n ?? 0 };
	}

	/** The compiled statements and SQLite's plans for them, to read when the goal is missed. */
	async explain(input: unknown): Promise<{ sql: string; plans: Record<string, string[]> }> {
		const db = createDb(this.env.DB);
		const where = and(liveProducts(BENCH_SHOP), compileRuleSet(ruleSetOf(input)));
		const page = db.select({ id: products.id }).from(products).where(where).orderBy(products.searchTitle, products.id).limit(26).toSQL();
		const count = db.select({ n: products.id }).from(products).where(where).toSQL();
		const plan = async (q: { sql: string; params: unknown[] }) =>
			(
				await this.env.DB.prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
					.bind(...q.params)
					.all<{ detail: string }>()
			).results.map((r) => r.detail);
		const scan = { sql: FULL_SCAN, params: [BENCH_SHOP] };
		return { sql: page.sql, plans: { page: await plan(page), count: await plan(count), scan: await plan(scan) } };
	}
}
