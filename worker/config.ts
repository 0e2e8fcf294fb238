/**
 * Required configuration, checked with zod on first use so a missing secret
 * fails with a clear BAD_ENVIRONMENT error instead of deep inside a handler.
 */
import { z } from "zod";
import { AppError } from "./http/errors";

const nonEmpty = z.string().min(1);

export const AppConfig = z.object({
	SHOPIFY_API_KEY: nonEmpty,
	SHOPIFY_API_SECRET: nonEmpty,
	SHOPIFY_API_SECRET_PREVIOUS: z.string().optional(),
	SHOPIFY_ADMIN_BASE: z.string().includes("{shop}"),
	SHOPIFY_API_VERSION: nonEmpty,
	TIKTOK_APP_KEY: nonEmpty,
	TIKTOK_APP_SECRET: nonEmpty,
	TIKTOK_API_BASE: z.url(),
	TIKTOK_AUTH_BASE: z.url(),
	TIKTOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
	TOKEN_ENCRYPTION_KEY: z.base64().refine((key) => atob(key).length === 32, "must be 32 bytes, base64"),
	APP_URL: z.url(),
	DEV_SESSION_ENABLED: z.enum(["true", "false"]).default("false"),
	DEV_SHOP_DOMAIN: z
		.string()
		.regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/)
		.default("demo-store.myshopify.com"),
});

export type AppConfig = z.infer<typeof AppConfig>;

const cache = new WeakMap<object, AppConfig>();

export function config(env: Env): AppConfig {
	const cached = cache.get(env);
	if (cached) return cached;
	const parsed = AppConfig.safeParse(env);
	if (!parsed.success) {
		const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
		throw new AppError(
			"BAD_ENVIRONMENT",
			`The Worker is missing or has invalid configuration: ${names.join(", ")}. See .dev.vars.example.`,
		);
	}
	cache.set(env, parsed.data);
	return parsed.data;
}

/** Names of configuration values that are missing, for /api/health. */
export function missingConfig(env: Env): string[] {
	const parsed = AppConfig.safeParse(env);
	return parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
}
