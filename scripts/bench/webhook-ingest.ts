/**
 * Benchmark: Shopify webhook ingest. Sends a bounded, paced load of signed
 * `products/update` webhooks (each a real change: a new version of one of 50
 * draft products) at the app's POST /webhooks/shopify on loopback, then the same
 * load at a bare Worker that only reads the body and answers 200, and reports
 * p50/p99 latency and throughput for both. Goals: app p99 ≤ 25 ms; app
 * throughput ≥ 0.5x the bare handler's.
 *
 * The shop must be installed in the app (otherwise the webhooks are answered
 * "ignored" and the figures measure the wrong path): the outcome counts are
 * printed so that shows. Runs are sequential (app, then bare) so the two never
 * compete for the CPU; one second of warm-up precedes each.
 *
 * Run alone: `npx node scripts/bench/webhook-ingest.ts` starts the stack (sandboxes,
 * app, bare Worker) on spare ports with fresh local state, installs the demo shop,
 * runs the benchmark and stops everything. WEBHOOK_BENCH_RPS / _SECONDS override the load.
 */
import { createHmac, randomUUID } from "node:crypto";

export type IngestFigures = {
	sent: number;
	ok: number;
	failed: number;
	p50Ms: number;
	p99Ms: number;
	throughputPerSec: number;
	outcomes: Record<string, number>;
};
export type WebhookIngestResult = { app: IngestFigures; bare: IngestFigures; ratio: number; goals: { p99Ms: number; ratio: number } };

const GOAL_P99_MS = 25;
const GOAL_RATIO = 0.5;
const PRODUCTS = 50;
/** In-flight cap: past it the generator waits, so an overloaded target cannot make it queue without bound. */
const MAX_IN_FLIGHT = 256;
const BENCH_PRODUCT_BASE = 9_900_000_000_000n;
const EPOCH = Date.UTC(2026, 0, 1);

/** A products/update body shaped like Shopify's (draft, so no sync work is started for it). */
function productUpdate(seq: number): string {
	const id = BENCH_PRODUCT_BASE + BigInt(seq % PRODUCTS);
	// One millisecond of Shopify time per request: every request is a newer version than the last.
	const updatedAt = new Date(EPOCH + seq).toISOString();
	const variants = [1n, 2n, 3n].map((n, i) => ({
		admin_graphql_api_id: `gid://shopify/ProductVariant/${id * 10n + n}`,
		id: `__${id * 10n + n}__`,
		product_id: `__${id}__`,
		title: ["S", "M", "L"][i],
		option1: ["S", "M", "L"][i],
		option2: null,
		option3: null,
		price: `${(10 + (seq % 7)).toFixed(2)}`,
		compare_at_price: null,
		sku: `BENCH-${id}-${n}`,
		barcode: null,
		position: i + 1,
		inventory_item_id: `__${id * 10n + n + 5_000_000_000_000_000n}__`,
		inventory_quantity: seq % 100,
		image_id: null,
	}));
	const body = {
		admin_graphql_api_id: `gid://shopify/Product/${id}`,
		id: `__${id}__`,
		title: `Bench tee ${seq % PRODUCTS}`,
		body_html: "<p>Benchmark product.</p>",
		handle: `bench-tee-${seq % PRODUCTS}`,
		vendor: "Bench",
		product_type: "Shirts",
		status: "draft",
		tags: "bench, tee",
		updated_at: updatedAt,
		variants,
		options: [{ name: "Size", values: ["S", "M", "L"] }],
		images: [],
		media: [],
		variant_gids: variants.map((v) => ({ admin_graphql_api_id: v.admin_graphql_api_id, updated_at: updatedAt })),
		category: null,
	};
	// Ids as bare JSON numbers, as Shopify writes them.
	return JSON.stringify(body).replace(/"__(\d+)__"/g, "$1");
}

function signed(body: string, shop: string, secret: string): Record<string, string> {
	return {
		"content-type": "application/json",
		"x-shopify-topic": "products/update",
		"x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
		"x-shopify-shop-domain": shop,
		"x-shopify-api-version": "2026-01",
		"x-shopify-webhook-id": randomUUID(),
		"x-shopify-event-id": randomUUID(),
		"x-shopify-triggered-at": new Date().toISOString(),
	};
}

const percentile = (sorted: number[], p: number) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : Number.NaN;

async function runLoad(url: string, shop: string, secret: string, rps: number, seconds: number, firstSeq: number): Promise<IngestFigures> {
	const total = Math.round(rps * seconds);
	const interval = 1000 / rps;
	const latencies: number[] = [];
	const outcomes: Record<string, number> = {};
	let ok = 0;
	let failed = 0;
	let lastDone = 0;
	// Only unsettled requests: racing settled ones would resolve at once and starve the event loop.
	const inFlight = new Set<Promise<void>>();
	const start = performance.now();
	for (let i = 0; i < total; i++) {
		// Open loop: request i leaves at start + i × interval, whatever the earlier ones are doing.
		const due = start + i * interval;
		const wait = due - performance.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
		const body = productUpdate(firstSeq + i);
		const headers = signed(body, shop, secret);
		const sentAt = performance.now();
		const request = fetch(url, { method: "POST", headers, body })
			.then(async (res) => {
				const text = await res.text();
				latencies.push(performance.now() - sentAt);
				if (res.ok) {
					ok++;
					const outcome = text ? ((JSON.parse(text) as { outcome?: string }).outcome ?? "200") : "200";
					outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
				} else {
					failed++;
					outcomes[`http ${res.status}`] = (outcomes[`http ${res.status}`] ?? 0) + 1;
				}
			})
			.catch(() => {
				failed++;
				outcomes.network = (outcomes.network ?? 0) + 1;
			})
			.finally(() => {
				inFlight.delete(request);
				lastDone = performance.now();
			});
		inFlight.add(request);
	}
	await Promise.all(inFlight);
	const sorted = latencies.sort((a, b) => a - b);
	const elapsed = Math.max(lastDone - start, seconds * 1000) / 1000;
	return {
		sent: total,
		ok,
		failed,
		p50Ms: percentile(sorted, 50),
		p99Ms: percentile(sorted, 99),
		throughputPerSec: ok / elapsed,
		outcomes,
	};
}

/** The bare Worker the app is compared with: it reads the body and answers 200. */
export function startBareWorker(root: string, port: number, spawn: typeof import("node:child_process").spawn) {
	const args = [
		`${root}node_modules/wrangler/bin/wrangler.js`,
		"dev",
		"-c",
		"scripts/bench/bare-wrangler.toml",
		"--ip",
		"127.0.0.1",
		"--port",
		String(port),
		"--inspector-port",
		String(port + 10000),
	];
	return spawn(process.execPath, [...args, "--show-interactive-dev-session=false", "--log-level", "warn"], {
		cwd: root,
		env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
		stdio: "ignore",
	});
}

export async function benchWebhookIngest(options: {
	appUrl: string;
	bareUrl: string;
	shop: string;
	secret: string;
	rps?: number;
	seconds?: number;
}): Promise<WebhookIngestResult> {
	const { appUrl, bareUrl, shop, secret, rps = 200, seconds = 20 } = options;
	const appTarget = new URL("/webhooks/shopify", appUrl).toString();
	const bareTarget = new URL("/webhooks/shopify", bareUrl).toString();
	// Versions follow the wall clock, so a later run never sends versions older than an earlier run's.
	const seq = Date.now() - EPOCH;
	// Warm-up (not measured): connections, isolates, D1 pages.
	await runLoad(appTarget, shop, secret, rps, 1, seq);
	const app = await runLoad(appTarget, shop, secret, rps, seconds, seq + rps);
	await runLoad(bareTarget, shop, secret, rps, 1, seq);
	const bare = await runLoad(bareTarget, shop, secret, rps, seconds, seq);
	const ratio = bare.throughputPerSec > 0 ? app.throughputPerSec / bare.throughputPerSec : 0;
	const ms = (v: number) => `${v.toFixed(1)} ms`;
	console.log(`webhook ingest p99: ${ms(app.p99Ms)} (goal ≤ ${GOAL_P99_MS} ms); bare handler p99: ${ms(bare.p99Ms)}`);
	console.log(`webhook ingest p50: ${ms(app.p50Ms)}; bare handler p50: ${ms(bare.p50Ms)}`);
	console.log(
		`webhook ingest throughput: ${Math.round(app.throughputPerSec)}/s; bare: ${Math.round(bare.throughputPerSec)}/s; ${ratio.toFixed(2)}x (goal ≥ ${GOAL_RATIO}x)`,
	);
	console.log(
		`webhook ingest outcomes: ${JSON.stringify(app.outcomes)} (${app.failed} failed of ${app.sent}); bare: ${bare.failed} failed of ${bare.sent}`,
	);
	return { app, bare, ratio, goals: { p99Ms: GOAL_P99_MS, ratio: GOAL_RATIO } };
}

/** Starts a fresh stack and a bare Worker on free ports, installs the demo shop, runs the benchmark, stops everything. */
export async function benchWebhookIngestOnFreshStack(): Promise<WebhookIngestResult> {
	const { spawn } = await import("node:child_process");
	const { mkdtempSync, rmSync } = await import("node:fs");
	const { tmpdir } = await import("node:os");
	const { startStack, waitForHttp } = await import("../lib/stack.ts");
	const { installDemoShop } = await import("../lib/demo.ts");
	const { freePorts } = await import("../lib/ports.ts");
	const root = new URL("../..", import.meta.url).pathname;
	const persist = mkdtempSync(`${tmpdir()}/webhook-bench-`);
	const [appPort, tiktokPort, shopifyPort, barePort] = await freePorts(4);
	try {
		const stack = await startStack({ ports: { app: appPort, tiktok: tiktokPort, shopify: shopifyPort }, persistTo: persist });
		const bare = startBareWorker(root, barePort, spawn);
		try {
			await waitForHttp(`http://127.0.0.1:${barePort}/`, bare);
			await installDemoShop(stack.appUrl);
			return await benchWebhookIngest({
				appUrl: stack.appUrl,
				bareUrl: `http://127.0.0.1:${barePort}`,
				shop: "demo-store.myshopify.com",
				secret: "sandbox-shopify-client-secret",
				rps: Number(process.env.WEBHOOK_BENCH_RPS ?? 200),
				seconds: Number(process.env.WEBHOOK_BENCH_SECONDS ?? 20),
			});
		} finally {
			bare.kill("SIGTERM");
			await stack.stop();
		}
	} finally {
		rmSync(persist, { recursive: true, force: true });
	}
}

if (import.meta.main) await benchWebhookIngestOnFreshStack();
