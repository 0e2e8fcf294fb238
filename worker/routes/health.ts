/** GET /api/health: the versions and bindings this Worker sees, and any missing configuration. No secrets. */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { doc } from "../http/doc";
import { missingConfig } from "../config";

export const APP_VERSION = "0.1.0";

export const health = new Hono<AppEnv>().get("/", doc("Versions, bindings and missing configuration"), async (c) => {
	const db = await c.env.DB.prepare("SELECT count(*) AS migrations FROM d1_migrations")
		.first<{ migrations: number }>()
		.catch(() => null);
	return c.json({
		ok: missingConfig(c.env).length === 0 && db !== null,
		app: APP_VERSION,
		compatibilityDate: "2026-10-01",
		migrationsApplied: db?.migrations ?? 0,
		bindings: {
			DB: typeof c.env.DB?.prepare === "function",
			SYNC_QUEUE: typeof c.env.SYNC_QUEUE?.send === "function",
			SHOP_LIMITER: typeof c.env.SHOP_LIMITER?.idFromName === "function",
			ASSETS: typeof c.env.ASSETS?.fetch === "function",
		},
		missingConfig: missingConfig(c.env),
		endpoints: { tiktokApi: c.env.TIKTOK_API_BASE, tiktokAuth: c.env.TIKTOK_AUTH_BASE, shopifyAdmin: c.env.SHOPIFY_ADMIN_BASE },
	});
});
