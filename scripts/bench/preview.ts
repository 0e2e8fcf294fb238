/**
 * Benchmark: a template preview over 100,000 products against a plain full
 * scan of the same table, same run, same engine (the local D1 of wrangler's
 * test harness, fresh storage each run). The preview is the app's own
 * `previewTemplate` (first page + total count, one db.batch) for a
 * five-condition rule set; the scan is `count(*) ... WHERE shop_id = ? AND
 * title <> ''`, which must read every row (`title IS NOT NULL` would not: the
 * column is NOT NULL, so SQLite counts index entries). Both are timed inside the
 * bench Worker (scripts/bench/worker/preview.ts) around the D1 call, alternating, and
 * reported as medians. Goal: the preview costs at most 2x the scan.
 *
 * Run: `npx node scripts/bench/preview.ts` (or through `npm run bench`);
 * PREVIEW_BENCH_PRODUCTS=20000 for a quicker run, PREVIEW_BENCH_EXPLAIN=1 to
 * print the compiled SQL and SQLite's query plans.
 */
import { createTestHarness } from "wrangler";

export type PreviewBenchResult = { products: number; matched: number; previewMs: number; scanMs: number; ratio: number; goal: number };

type BenchWorker = {
	seed(from: number, count: number): Promise<void>;
	preview(ruleSet: unknown): Promise<{ ms: number; total: number; shown: number }>;
	scan(): Promise<{ ms: number; count: number }>;
	explain(ruleSet: unknown): Promise<{ sql: string; plans: Record<string, string[]> }>;
};

const root = new URL("../..", import.meta.url).pathname;
const GOAL = 2;
const SEED_CHUNK = 2_000;

/** Five conditions a merchant could write; about one product in thirty matches, so the page reads far. */
export const BENCH_RULE_SET = {
	match: "all",
	rules: [
		{ column: "status", relation: "equals", condition: "active" },
		{ column: "vendor", relation: "contains", condition: "co" },
		{ column: "variant_price", relation: "greater_than", condition: "20" },
		{ column: "tag", relation: "not_equals", condition: "clearance" },
		{ column: "category", relation: "in_category", condition: "aa-1" },
	],
};

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function benchPreview(
	options: { products?: number; repetitions?: number; explain?: boolean } = {},
): Promise<PreviewBenchResult> {
	const total = options.products ?? Number(process.env.PREVIEW_BENCH_PRODUCTS ?? 100_000);
	const repetitions = options.repetitions ?? 15;
	const harness = createTestHarness({
		root,
		workers: [
			{
				config: {
					name: "preview-bench",
					main: "scripts/bench/worker/preview.ts",
					compatibility_date: "2026-10-01",
					compatibility_flags: ["nodejs_compat"],
					d1_databases: [{ binding: "DB", database_name: "preview-bench", database_id: "preview-bench", migrations_dir: "migrations" }],
				},
			},
		],
	});
	try {
		await harness.listen();
		const worker = harness.getWorker();
		await worker.applyD1Migrations("DB");
		const bench = (await worker.getExport()) as unknown as BenchWorker;
		for (let from = 0; from < total; from += SEED_CHUNK) await bench.seed(from, Math.min(SEED_CHUNK, total - from));

		if (options.explain ?? process.env.PREVIEW_BENCH_EXPLAIN === "1")
			console.log(JSON.stringify(await bench.explain(BENCH_RULE_SET), null, 2));
		// Warm-up: page cache and the Worker's first compile are not what we measure.
		await bench.preview(BENCH_RULE_SET);
		const scanned = await bench.scan();
		if (scanned.count !== total) throw new Error(`seeded ${scanned.count} products, expected ${total}`);

		const previews: number[] = [];
		const scans: number[] = [];
		let matched = 0;
		for (let i = 0; i < repetitions; i++) {
			const preview = await bench.preview(BENCH_RULE_SET);
			previews.push(preview.ms);
			matched = preview.total;
			scans.push((await bench.scan()).ms);
		}
		const previewMs = median(previews);
		const scanMs = median(scans);
		const ratio = previewMs / scanMs;
		const k = `${Math.round(total / 1000)}k`;
		console.log(
			`preview ${k} x 5 conditions: ${previewMs.toFixed(0)} ms; full scan: ${scanMs.toFixed(0)} ms; ${ratio.toFixed(2)}x (goal ≤ ${GOAL}x)` +
				` [${matched} of ${total} match; medians of ${repetitions}]`,
		);
		return { products: total, matched, previewMs, scanMs, ratio, goal: GOAL };
	} finally {
		await harness.close();
	}
}

if (import.meta.main) await benchPreview();
