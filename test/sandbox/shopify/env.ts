/**
 * Bindings and vars of the Shopify sandbox Worker (test/sandbox/shopify/wrangler.toml),
 * and the shared shapes its Durable Objects answer with.
 */
import type { SandboxRegistry } from "./registry/registry-object";
import type { StoreObject } from "./store/store-object";

export interface SandboxEnv {
	STORES: DurableObjectNamespace<StoreObject>;
	REGISTRY: DurableObjectNamespace<SandboxRegistry>;
	SHOPIFY_CLIENT_ID?: string;
	SHOPIFY_CLIENT_SECRET?: string;
	/** Granted on token exchange (what shopify.app.toml's access_scopes would say). */
	SHOPIFY_SCOPES?: string;
	/** Version of app-level (TOML) webhook deliveries. */
	SHOPIFY_API_VERSION?: string;
	/** App-level webhook address and topics, like `[webhooks]` in shopify.app.toml; empty = none. */
	APP_WEBHOOK_URI?: string;
	APP_WEBHOOK_TOPICS?: string;
}

export type SandboxConfig = {
	clientId: string;
	clientSecret: string;
	scopes: string;
	apiVersion: string;
	app: { uri: string; topics: string[]; apiVersion: string };
};

export function sandboxConfig(env: SandboxEnv): SandboxConfig {
	const apiVersion = env.SHOPIFY_API_VERSION || "2026-01";
	return {
		clientId: env.SHOPIFY_CLIENT_ID || "sandbox-shopify-client-id",
		clientSecret: env.SHOPIFY_CLIENT_SECRET || "sandbox-shopify-client-secret",
		scopes: env.SHOPIFY_SCOPES || "read_products,read_inventory",
		apiVersion,
		app: {
			uri: env.APP_WEBHOOK_URI ?? "",
			topics: (env.APP_WEBHOOK_TOPICS ?? "")
				.split(",")
				.map((t) => t.trim())
				.filter(Boolean),
			apiVersion,
		},
	};
}

/** What a Durable Object method answers; the routes turn it into an HTTP response as is. */
export type Reply = { status: number; body: unknown; location?: string };

export const reply = (status: number, body: unknown): Reply => ({ status, body });

export { DEMO_SHOP } from "./catalog/generate";

export const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
