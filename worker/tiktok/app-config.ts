/** The TikTok app configuration from the Worker's validated config; tests may override transport knobs. */
import { config } from "../config";
import type { TikTokAppConfig } from "./transport";

export type TransportOverrides = Partial<Pick<TikTokAppConfig, "fetch" | "timeoutMs" | "maxRetries" | "retryBaseMs" | "now" | "sleep">>;

export function tiktokAppConfig(env: Env, overrides: TransportOverrides = {}): TikTokAppConfig {
	const cfg = config(env);
	return {
		appKey: cfg.TIKTOK_APP_KEY,
		appSecret: cfg.TIKTOK_APP_SECRET,
		apiBase: cfg.TIKTOK_API_BASE,
		authBase: cfg.TIKTOK_AUTH_BASE,
		timeoutMs: cfg.TIKTOK_TIMEOUT_MS,
		...overrides,
	};
}
