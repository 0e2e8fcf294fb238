import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("GET /api/health", () => {
	it("reports versions, bindings and applied migrations", async () => {
		const res = await exports.default.fetch("http://app.test/api/health");
		const body = await res.json<Record<string, any>>();
		expect(res.status, JSON.stringify(body)).toBe(200);
		expect(body.bindings).toEqual({ DB: true, SYNC_QUEUE: true, SHOP_LIMITER: true, ASSETS: true });
		expect(body.migrationsApplied).toBeGreaterThan(0);
	});
	it("reaches the sandbox", async () => {
		const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/health`);
		expect(res.status).toBe(200);
	});
});
