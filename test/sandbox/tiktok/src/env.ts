/**
 * Bindings of the TikTok Shop sandbox Worker (see ../wrangler.toml). The app's
 * key pair is configurable so a developer can point a real client at it.
 */
import type { SandboxRegistry } from "./seller/registry.ts";
import type { SellerStore } from "./seller/store.ts";

export type SandboxEnv = {
	SELLER: DurableObjectNamespace<SellerStore>;
	REGISTRY: DurableObjectNamespace<SandboxRegistry>;
	APP_KEY?: string;
	APP_SECRET?: string;
	/** Access-token lifetime in seconds (default 7 days, as the SDK describes). */
	ACCESS_TOKEN_TTL_SECONDS?: string;
};

export const DEFAULT_APP_KEY = "sandbox-app-key";
export const DEFAULT_APP_SECRET = "sandbox-app-secret";
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 7 * 24 * 3600;
/** The seller that always exists (provisioned on first use) for `npm start` and the demo. */
export const DEMO_SELLER_ID = "demo";

export function appCredentials(env: SandboxEnv): { appKey: string; appSecret: string } {
	return { appKey: env.APP_KEY || DEFAULT_APP_KEY, appSecret: env.APP_SECRET || DEFAULT_APP_SECRET };
}

export function accessTokenTtl(env: SandboxEnv): number {
	const n = Number(env.ACCESS_TOKEN_TTL_SECONDS);
	return Number.isFinite(n) && n > 0 ? n : DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
}
