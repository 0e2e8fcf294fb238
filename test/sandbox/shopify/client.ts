/**
 * A small fetch client for the Shopify sandbox, for tests and scripts: built from
 * the app's `SHOPIFY_ADMIN_BASE` (`<origin>/store/{shop}`), it calls the Admin
 * GraphQL API like the app does and drives the /__sandbox knobs. Tests share one
 * sandbox per run, so each test that changes a store should create its own with
 * `createStore(uniqueShop("…"))` and leave demo-store.myshopify.com untouched.
 */
export type Json = Record<string, any>;
export type HttpResult<T = Json> = { status: number; body: T; headers: Headers };

export const DEMO_SHOP = "demo-store.myshopify.com";
export const API_VERSION = "2026-01";

export function uniqueShop(prefix: string): string {
	return `${prefix}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
}

export function shopifySandbox(adminBase: string) {
	const origin = adminBase.replace(/\/store\/\{shop\}$/, "");

	async function call<T = Json>(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<HttpResult<T>> {
		const res = await fetch(path.startsWith("http") ? path : `${origin}${path}`, {
			method,
			headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
			redirect: "manual",
		});
		const text = await res.text();
		return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
	}

	const knob = (shop: string, rest: string) => `/__sandbox/stores/${shop}${rest}`;

	return {
		origin,
		adminUrl: (shop: string) => adminBase.replace("{shop}", shop),
		call,
		createStore: (opts: { shop: string; productCount?: number; seed?: string; replace?: boolean; weightUnit?: string }) =>
			call("POST", "/__sandbox/stores", opts),
		describe: (shop: string) => call("GET", knob(shop, "")),
		/** A live access token without going through token exchange. */
		async token(shop: string): Promise<string> {
			const res = await call("POST", knob(shop, "/tokens"));
			if (res.status !== 201) throw new Error(`token for ${shop}: ${res.status} ${JSON.stringify(res.body)}`);
			return res.body.access_token as string;
		},
		graphql: (shop: string, token: string | null, query: string, variables: Json = {}, version = API_VERSION) =>
			call(
				"POST",
				`${adminBase.replace("{shop}", shop)}/admin/api/${version}/graphql.json`,
				{ query, variables },
				token ? { "X-Shopify-Access-Token": token } : {},
			),
		/** Like `graphql`, but waits out THROTTLED answers the way a well-behaved client does (at most 20 times). */
		async graphqlPatiently(shop: string, token: string, query: string, variables: Json = {}): Promise<HttpResult> {
			for (let attempt = 0; ; attempt++) {
				const res = await call(
					"POST",
					`${adminBase.replace("{shop}", shop)}/admin/api/${API_VERSION}/graphql.json`,
					{ query, variables },
					{ "X-Shopify-Access-Token": token },
				);
				const throttled = res.body?.errors?.[0]?.extensions?.code === "THROTTLED";
				if (!throttled || attempt >= 20) return res;
				const { requestedQueryCost, throttleStatus } = res.body.extensions.cost;
				const waitMs = ((requestedQueryCost - throttleStatus.currentlyAvailable) / Math.max(1, throttleStatus.restoreRate)) * 1000;
				await new Promise((resolve) => setTimeout(resolve, Math.min(5000, Math.max(50, waitMs))));
			}
		},
		accessToken: (shop: string, body: Json) => call("POST", `${adminBase.replace("{shop}", shop)}/admin/oauth/access_token`, body),
		authorize: (shop: string, params: Record<string, string>) =>
			call("GET", `${adminBase.replace("{shop}", shop)}/admin/oauth/authorize?${new URLSearchParams(params)}`),
		expireTokens: (shop: string, refresh = false) => call("POST", knob(shop, `/tokens/expire${refresh ? "?refresh=1" : ""}`)),
		throttle: (shop: string, cfg: Json) => call("PUT", knob(shop, "/throttle"), cfg),
		subscribe: (shop: string, topic: string, uri: string) => call("POST", knob(shop, "/subscriptions"), { topic, uri }),
		createProduct: (shop: string, input: Json) => call("POST", knob(shop, "/products"), input),
		updateProduct: (shop: string, id: number | string, patch: Json) => call("PUT", knob(shop, `/products/${id}`), patch),
		deleteProduct: (shop: string, id: number | string) => call("DELETE", knob(shop, `/products/${id}`)),
		setWeight: (shop: string, inventoryItemId: number | string, weight: { weight_value: number | null; weight_unit?: string }) =>
			call("POST", knob(shop, `/inventory_items/${inventoryItemId}`), weight),
		uninstall: (shop: string) => call("POST", knob(shop, "/uninstall")),
		trigger: (shop: string, topic: string, payload?: unknown) => call("POST", knob(shop, "/webhooks/trigger"), { topic, payload }),
		deliveries: (shop: string, filter: { topic?: string; since?: string; limit?: number } = {}) =>
			call<Delivery[]>("GET", knob(shop, `/deliveries?${new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]))}`)),
		replay: (shop: string, req: { deliveryIds?: string[]; times?: number; reverse?: boolean; topic?: string; url?: string }) =>
			call("POST", knob(shop, "/webhooks/replay"), req),
		receiverUrl: (bin: string, failFirst = 0) => `${origin}/__sandbox/receiver/${bin}${failFirst ? `?failFirst=${failFirst}` : ""}`,
		received: (bin: string) => call<Received[]>("GET", `/__sandbox/receiver/${bin}`),
	};
}

export type Delivery = {
	seq: number;
	id: string;
	eventId: string;
	topic: string;
	url: string;
	headers: Record<string, string>;
	body: string;
	createdAt: string;
	status: "pending" | "delivered" | "failed";
	attempts: number;
	lastStatus: number | null;
	lastError: string | null;
};

export type Received = {
	seq: number;
	bin: string;
	webhookId: string | null;
	headers: Record<string, string>;
	body: string;
	status: number;
	receivedAt: string;
};

/** Polls `check` until it returns a value, at most `tries` times `everyMs` apart (bounded: no endless waits in tests). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, tries = 50, everyMs = 200): Promise<T> {
	for (let i = 0; i < tries; i++) {
		const value = await check();
		if (value) return value;
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
	throw new Error(`condition not met after ${tries} tries`);
}
