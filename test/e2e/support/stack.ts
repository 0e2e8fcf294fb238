/**
 * The browser test's stack: builds the UI, applies the D1 migrations to a fresh
 * state directory, starts both sandboxes and the app with `wrangler dev` on
 * ports away from `npm start`'s, and prepares a small Shopify store and a fast
 * TikTok seller so the whole workflow fits in a few minutes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Stack, startStack } from "../../../scripts/lib/stack.ts";

const root = new URL("../../../", import.meta.url).pathname;
export const SHOP = "e2e-store.myshopify.com";
export const PORTS = { app: 18787, tiktok: 18788, shopify: 18789 };

export type E2eStack = Stack & {
	/** The app's API as the dev session sees it (for checks the UI does not show, never to drive the workflow). */
	api<T>(path: string): Promise<T>;
	sandbox<T>(base: "tiktok" | "shopify", method: string, path: string, body?: unknown): Promise<T>;
	close(): Promise<void>;
};

// NODE_ENV is "test" under vitest; the UI is built as it ships (a test-mode build pulls in Preact's debug tools).
const node = (args: string[]) =>
	execFileSync(process.execPath, args, {
		cwd: root,
		stdio: ["ignore", "ignore", "inherit"],
		env: { ...process.env, NODE_ENV: "production", CI: "1", WRANGLER_SEND_METRICS: "false" },
		timeout: 120_000,
	});

/**
 * Fresh state and a started stack (startStack applies the migrations and gives
 * each Worker its own state folder). A start that fails anyway is tried up to
 * twice more, each time on a new directory; bounded, and leaves nothing behind.
 */
async function freshStack(): Promise<{ stack: Stack; state: string }> {
	for (let attempt = 1; ; attempt++) {
		const state = mkdtempSync(join(tmpdir(), "tts-e2e-"));
		try {
			return {
				stack: await startStack({ ports: PORTS, persistTo: state, appVars: { DEV_SHOP_DOMAIN: SHOP, TIKTOK_WRITE_RATE: "50" } }),
				state,
			};
		} catch (error) {
			rmSync(state, { recursive: true, force: true });
			if (attempt >= 3) throw error;
			console.warn(`The stack did not start (${String(error)}); trying again.`);
		}
	}
}

export async function startE2eStack(): Promise<E2eStack> {
	node([`${root}node_modules/vite/bin/vite.js`, "build", "--logLevel", "warn"]);
	const { stack, state } = await freshStack();
	const call = async <T>(url: string, init: RequestInit): Promise<T> => {
		const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
		const text = await res.text();
		if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url}: ${res.status} ${text}`);
		return (text ? JSON.parse(text) : null) as T;
	};
	const e2e: E2eStack = {
		...stack,
		async api<T>(path: string) {
			const { token } = await call<{ token: string }>(`${stack.appUrl}/auth/dev-session`, { method: "POST" });
			return call<T>(`${stack.appUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
		},
		sandbox<T>(base: "tiktok" | "shopify", method: string, path: string, body?: unknown) {
			const origin = base === "tiktok" ? stack.tiktokUrl : stack.shopifyUrl;
			return call<T>(`${origin}${path}`, {
				method,
				headers: { "content-type": "application/json" },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		},
		async close() {
			await stack.stop();
			rmSync(state, { recursive: true, force: true });
		},
	};
	try {
		// A 40-product store instead of the 300-product demo store, and a seller that writes fast and reviews at once.
		await e2e.sandbox("shopify", "POST", "/__sandbox/stores", { shop: SHOP, productCount: 40, seed: "e2e-workflow" });
		await e2e.sandbox("tiktok", "POST", "/__sandbox/sellers/demo/config", { writeRatePerSecond: 100, auditDelayMs: 0 });
	} catch (error) {
		await e2e.close();
		throw error;
	}
	return e2e;
}
