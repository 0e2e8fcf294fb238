import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { APP, sessionFor } from "./support/shopify";

const SHOP = "session-store.myshopify.com";
const now = () => Math.floor(Date.now() / 1000);

async function expectRefused(headers: Record<string, string>, reason: RegExp) {
	for (const [method, path] of [
		["GET", "/api/import"],
		["POST", "/api/session"],
		["POST", "/api/import"],
	]) {
		const res = await exports.default.fetch(`${APP}${path}`, { method, headers });
		const body = await res.json<{ error: { code: string; message: string; requestId: string } }>();
		expect(res.status, `${method} ${path}: ${JSON.stringify(body)}`).toBe(401);
		expect(body.error.code).toBe("UNAUTHORIZED");
		expect(body.error.message).toMatch(reason);
		expect(body.error.requestId).toBeTruthy();
	}
}

describe("shopSession() refuses with 401 and the error envelope", () => {
	it("a missing token", async () => {
		await expectRefused({}, /missing session token/i);
	});

	it("an expired token (beyond the 10 s leeway)", async () => {
		await expectRefused(await sessionFor(SHOP, { nowSeconds: now() - 120, ttlSeconds: 60 }), /expired/i);
	});

	it("a token issued for another app (aud)", async () => {
		await expectRefused(await sessionFor(SHOP, { clientId: "another-app-client-id" }), /another app/i);
	});

	it("a badly signed token", async () => {
		await expectRefused(await sessionFor(SHOP, { secret: "not-the-app-secret" }), /signature/i);
	});

	it("a dest that is not a myshopify domain, or an iss on another shop", async () => {
		await expectRefused(
			await sessionFor(SHOP, { claims: { dest: "https://evil.example.com", iss: "https://evil.example.com/admin" } }),
			/valid shop/i,
		);
		await expectRefused(await sessionFor(SHOP, { claims: { iss: "https://other-store.myshopify.com/admin" } }), /valid shop/i);
	});

	it("a token signed with none / garbage", async () => {
		await expectRefused({ Authorization: "Bearer not.a.jwt" }, /malformed|signature/i);
	});
});

describe("shopSession() accepts", () => {
	it("a fresh token of the app and scopes the request to its shop", async () => {
		const res = await exports.default.fetch(`${APP}/api/import`, { headers: await sessionFor(SHOP) });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ import: null });
	});
});
