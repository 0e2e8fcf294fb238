/**
 * The benchmarks' way into a running stack, through the same paths a merchant
 * takes: session tokens minted as App Bridge would (with the local app secret
 * from .dev.vars), install through POST /api/session, TikTok through the connect
 * flow, templates through the API. Every wait is bounded.
 */
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { mintSessionToken } from "../../worker/auth/session-token.ts";
import type { Stack } from "../lib/stack.ts";
import { followConnectLink } from "../lib/tiktok-connect.ts";

type Json = Record<string, any>;

const root = new URL("../..", import.meta.url).pathname;

function devVars(): Record<string, string> {
	const text = readFileSync(`${root}.dev.vars`, "utf8");
	return Object.fromEntries([...text.matchAll(/^([A-Z_]+)="?([^"\n]*)"?$/gm)].map((m) => [m[1], m[2]]));
}

export async function call(url: string, init: RequestInit = {}): Promise<Json> {
	const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
	const text = await res.text();
	if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url}: ${res.status} ${text.slice(0, 500)}`);
	return text ? JSON.parse(text) : {};
}

const post = (url: string, body: unknown = {}) =>
	call(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export function appFor(stack: Stack, shop: string) {
	const vars = devVars();
	const api = async (method: string, path: string, body?: unknown) => {
		const token = await mintSessionToken(shop, { clientId: vars.SHOPIFY_API_KEY, secret: vars.SHOPIFY_API_SECRET });
		return call(`${stack.appUrl}${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	};
	return { api };
}

export async function until<T>(what: string, check: () => Promise<T | undefined>, { seconds = 600, intervalMs = 1000 } = {}): Promise<T> {
	const deadline = Date.now() + seconds * 1000;
	while (Date.now() < deadline) {
		const value = await check();
		if (value !== undefined) return value;
		await sleep(intervalMs);
	}
	throw new Error(`timed out waiting for ${what}`);
}

export type BenchShop = { shop: string; sellerId: string; templateId: string; api: ReturnType<typeof appFor>["api"] };

/** A Shopify store with `products` products installed in the app, a TikTok seller with a fixed write limit, and an inactive default template. */
export async function prepareShop(
	stack: Stack,
	shop: string,
	options: {
		products: number;
		writeLimit: number;
		categoryId: string;
		/** Runs once the store is imported and the seller exists, before the shop connects (e.g. to seed listings made outside the app). */
		beforeConnect?: (sellerId: string, api: BenchShop["api"]) => Promise<void>;
	},
): Promise<BenchShop> {
	await post(`${stack.shopifyUrl}/__sandbox/stores`, { shop, productCount: options.products, seed: shop });
	await call(`${stack.shopifyUrl}/__sandbox/stores/${shop}/throttle`, {
		method: "PUT",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ maximumAvailable: 1_000_000, restoreRate: 1_000_000, currentlyAvailable: 1_000_000 }),
	});
	const { api } = appFor(stack, shop);
	await api("POST", "/api/session");
	await until(`${shop}'s import`, async () => ((await api("GET", "/api/import")).import?.status === "done" ? true : undefined));
	const seller = await post(`${stack.tiktokUrl}/__sandbox/sellers`, {
		writeRatePerSecond: options.writeLimit,
		readRatePerSecond: 1000,
		dailyListingQuota: 1_000_000,
		auditDelayMs: 86_400_000,
	});
	await options.beforeConnect?.(seller.seller_id, api);
	const { authorizeUrl } = await api("POST", "/api/tiktok/connect");
	await followConnectLink(stack.appUrl, authorizeUrl, { sellerId: seller.seller_id });
	if (!(await api("GET", "/api/tiktok/status")).connected) throw new Error(`${shop}: TikTok not connected`);
	const category = await api("GET", `/api/categories/${options.categoryId}`);
	const attributes: Json = {};
	for (const a of category.attributes as Json[]) {
		if (a.type === "PRODUCT_PROPERTY" && a.is_requried)
			attributes[a.id] = a.values?.length
				? { source: "fixed", values: [{ id: a.values[0].id }] }
				: { source: "fixed", values: [{ name: "Generic" }] };
	}
	const template = await api("POST", "/api/templates", {
		name: "Default",
		categoryId: options.categoryId,
		attributes,
		shipping: { weightSource: "shopify", weightUnit: "KILOGRAM", backupWeight: 0.5 },
	});
	return { shop, sellerId: seller.seller_id, templateId: template.id, api };
}

export async function inspect(stack: Stack, sellerId: string): Promise<Json> {
	return call(`${stack.tiktokUrl}/__sandbox/sellers/${sellerId}/inspect`);
}
