/**
 * Benchmark: how close the sync gets to TikTok's rate limit without tripping it,
 * and whether shops share the machine fairly. The TikTok sandbox enforces a fixed
 * per-seller write limit (a sliding one-second window, 429 + Retry-After beyond
 * it) and counts every accepted and refused call per second; the app's per-shop
 * limiter is configured with the same limit (TIKTOK_WRITE_RATE).
 *
 * - Throughput: one shop, ≥ 2,000 products, one activation. Achieved write rate =
 *   accepted writes per second over the steady part of the run (from the
 *   activation on, first and last second with traffic left out); goal ≥ 90% of
 *   the limit with ≤ 1% of calls answered 429.
 * - Fairness: five shops activated at once, each with its own seller and limit, one
 *   of them busy (three times the products); goal: each gets ≥ 85% of its own
 *   limit while it syncs, the busy one included. The per-shop limit is chosen so the
 *   five together fit one machine (the sandbox and the app share its two cores).
 * Writes are image uploads and creates (the sandbox counts both against the limit).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { freePorts } from "../lib/ports.ts";
import { type Stack, startStack } from "../lib/stack.ts";
import { type BenchShop, inspect, prepareShop, until } from "./app-client.ts";

/** A leaf of the sandbox tree that takes any product (Home Supplies > Candles). */
export const CATEGORY = "854152";

export type RateFigures = {
	shop: string;
	limit: number;
	products: number;
	listed: number;
	duplicates: number;
	writes: number;
	limited: number;
	seconds: number;
	rate: number;
	ratio: number;
	share429: number;
};

/** Only the seconds from the activation on: connecting a shop registers its webhooks, which TikTok counts as writes. */
function figures(shop: string, limit: number, products: number, report: Record<string, any>, activatedAtMs: number): RateFigures {
	const from = Math.floor(activatedAtMs / 1000);
	const seconds: { second: number; writes: number; limited: number }[] = report.requests.per_second.filter(
		(s: { second: number; writes: number; limited: number }) => s.second >= from && s.writes + s.limited > 0,
	);
	const first = seconds[0]?.second ?? 0;
	const last = seconds.at(-1)?.second ?? 0;
	// The steady part: whole seconds strictly between the first and the last one with traffic.
	const steady = seconds.filter((s) => s.second > first && s.second < last);
	const span = Math.max(1, last - first - 1);
	const writes = steady.reduce((n, s) => n + s.writes, 0);
	const totalWrites = seconds.reduce((n, s) => n + s.writes, 0);
	const limited = seconds.reduce((n, s) => n + s.limited, 0);
	const rate = writes / span;
	return {
		shop,
		limit,
		products,
		listed: report.listings.length,
		duplicates: report.duplicates,
		writes: totalWrites,
		limited,
		seconds: last - first + 1,
		rate,
		ratio: rate / limit,
		share429: limited / Math.max(1, totalWrites + limited),
	};
}

export async function withStack<T>(writeRate: number, run: (stack: Stack) => Promise<T>): Promise<T> {
	const persist = mkdtempSync(`${tmpdir()}/sync-bench-`);
	const [app, tiktok, shopify] = await freePorts(3);
	const stack = await startStack({
		ports: { app, tiktok, shopify },
		persistTo: persist,
		appVars: { TIKTOK_WRITE_RATE: String(writeRate), TIKTOK_READ_RATE: "200" },
	});
	try {
		return await run(stack);
	} finally {
		await stack.stop();
		rmSync(persist, { recursive: true, force: true });
	}
}

/** Returns when the activation was sent (epoch ms). */
export async function activateAndWait(shops: BenchShop[], stack: Stack, budgetSeconds: number): Promise<number> {
	const activatedAt = Date.now();
	await Promise.all(shops.map((s) => s.api("POST", `/api/templates/${s.templateId}/activate`)));
	await until(
		"every sync run to finish",
		async () => {
			const states = await Promise.all(shops.map((s) => s.api("GET", "/api/sync/runs")));
			return states.every((state) => state.runs.every((r: { status: string }) => r.status === "done")) ? true : undefined;
		},
		{ seconds: budgetSeconds, intervalMs: 2000 },
	);
	void stack;
	return activatedAt;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export async function benchSyncThroughput(options: { products?: number; limit?: number } = {}): Promise<RateFigures> {
	const products = options.products ?? 2000;
	const limit = options.limit ?? 25;
	return withStack(limit, async (stack) => {
		const shop = await prepareShop(stack, "bench-throughput.myshopify.com", { products, writeLimit: limit, categoryId: CATEGORY });
		const activatedAt = await activateAndWait([shop], stack, Math.ceil((products * 8) / limit) + 300);
		const f = figures(shop.shop, limit, products, await inspect(stack, shop.sellerId), activatedAt);
		console.log(
			`write rate: ${f.rate.toFixed(1)}/s of limit ${limit}/s = ${f.ratio.toFixed(2)} (goal ≥ 0.90); 429s: ${pct(f.share429)} (goal ≤ 1%); ${f.listed} listed of ${products} products, ${f.duplicates} duplicates, ${f.writes} writes in ${f.seconds} s`,
		);
		return f;
	});
}

export async function benchFairness(options: { shops?: number; products?: number; limit?: number } = {}): Promise<RateFigures[]> {
	const count = options.shops ?? 5;
	const products = options.products ?? 60;
	const limit = options.limit ?? 4;
	const sizes = Array.from({ length: count }, (_, i) => (i === 0 ? products * 3 : products));
	return withStack(limit, async (stack) => {
		const shops: BenchShop[] = [];
		for (let i = 0; i < count; i++)
			shops.push(
				await prepareShop(stack, `bench-fair-${i + 1}.myshopify.com`, { products: sizes[i], writeLimit: limit, categoryId: CATEGORY }),
			);
		const activatedAt = await activateAndWait(shops, stack, Math.ceil((products * 3 * 8) / limit) + 300);
		const all = await Promise.all(
			shops.map(async (s, i) => figures(s.shop, limit, sizes[i], await inspect(stack, s.sellerId), activatedAt)),
		);
		for (const [i, f] of all.entries()) {
			console.log(
				`fairness ${f.shop}${i === 0 ? " (busy)" : ""}: ${f.rate.toFixed(1)}/s of its limit ${limit}/s = ${f.ratio.toFixed(2)} (goal ≥ 0.85); 429s: ${pct(f.share429)}; ${f.listed}/${f.products} listed, ${f.duplicates} duplicates`,
			);
		}
		const worst = Math.min(...all.map((f) => f.ratio));
		console.log(`fairness: ${count} shops at once, the slowest got ${worst.toFixed(2)} of its limit (goal ≥ 0.85)`);
		return all;
	});
}

if (import.meta.main) {
	await benchSyncThroughput({
		products: Number(process.env.SYNC_BENCH_PRODUCTS ?? 2000),
		limit: Number(process.env.SYNC_BENCH_LIMIT ?? 25),
	});
	await benchFairness();
}
