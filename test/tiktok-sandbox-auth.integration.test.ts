/**
 * Seller authorization against the sandbox: auto-approving /oauth/authorize,
 * token exchange and refresh (absolute expiry timestamps), single-use codes,
 * and access tokens that are unknown (36009004) or expired (105002).
 */
import { describe, expect, it } from "vitest";
import { APP_KEY, APP_SECRET, call, knob, newSeller, sandboxUrl } from "./support/tiktok-sandbox-client";

async function authorize(sellerId: string | null, state: string): Promise<URL> {
	const url = new URL(sandboxUrl("/oauth/authorize"));
	url.searchParams.set("app_key", APP_KEY);
	url.searchParams.set("state", state);
	url.searchParams.set("redirect_uri", "https://app.test/auth/tiktok/callback");
	if (sellerId) url.searchParams.set("seller_id", sellerId);
	const res = await fetch(url, { redirect: "manual" });
	expect(res.status, await res.text()).toBe(302);
	return new URL(res.headers.get("location") ?? "");
}

async function token(path: string, params: Record<string, string>) {
	const url = new URL(sandboxUrl(path));
	for (const [k, v] of Object.entries({ app_key: APP_KEY, app_secret: APP_SECRET, ...params })) url.searchParams.set(k, v);
	const res = await fetch(url);
	return { status: res.status, body: (await res.json()) as { code: number; message: string; data: Record<string, any> } };
}

describe("OAuth", () => {
	it("approves at once and redirects back with code and state", async () => {
		const seller = await newSeller();
		const back = await authorize(seller.seller_id, "st-123");
		expect(back.origin + back.pathname).toBe("https://app.test/auth/tiktok/callback");
		expect(back.searchParams.get("state")).toBe("st-123");
		expect(back.searchParams.get("code")).toBeTruthy();
	});

	it("exchanges a code once for tokens with absolute expiry times, then refreshes", async () => {
		const seller = await newSeller();
		const code = (await authorize(seller.seller_id, "s")).searchParams.get("code") as string;
		const now = Math.floor(Date.now() / 1000);
		const got = await token("/api/v2/token/get", { auth_code: code, grant_type: "authorized_code" });
		expect(got.body.code, JSON.stringify(got.body)).toBe(0);
		expect(got.body.data).toMatchObject({ seller_base_region: "US", user_type: 0 });
		expect(got.body.data.access_token_expire_in).toBeGreaterThanOrEqual(now + 7 * 24 * 3600 - 5);
		expect(got.body.data.access_token_expire_in).toBeLessThanOrEqual(now + 7 * 24 * 3600 + 5);
		expect(got.body.data.granted_scopes.length).toBeGreaterThan(0);

		const again = await token("/api/v2/token/get", { auth_code: code, grant_type: "authorized_code" });
		expect(again.body.code).toBe(36004004);

		const shops = await call({ ...seller, access_token: got.body.data.access_token }, "GET", "/authorization/202309/shops");
		expect(shops.body.data.shops[0].cipher).toBe(seller.shop_cipher);

		const refreshed = await token("/api/v2/token/refresh", { refresh_token: got.body.data.refresh_token, grant_type: "refresh_token" });
		expect(refreshed.body.code).toBe(0);
		expect(refreshed.body.data.access_token).not.toBe(got.body.data.access_token);
		const withNew = await call({ ...seller, access_token: refreshed.body.data.access_token }, "GET", "/authorization/202309/shops");
		expect(withNew.body.code).toBe(0);
	});

	it("refuses a wrong app secret or a made-up code", async () => {
		const bad = await token("/api/v2/token/get", { app_secret: "nope", auth_code: "x", grant_type: "authorized_code" });
		expect(bad.status).toBe(401);
		expect(bad.body.code).toBe(36009004);
		const unknown = await token("/api/v2/token/get", { auth_code: "ROW_abc.def", grant_type: "authorized_code" });
		expect(unknown.body.code).toBe(36004004);
	});

	it("authorizes the default demo seller when no seller_id is given", async () => {
		const back = await authorize(null, "demo-state");
		const got = await token("/api/v2/token/get", { auth_code: back.searchParams.get("code") as string, grant_type: "authorized_code" });
		expect(got.body.data.seller_base_region).toBe("US");
	});
});

describe("access tokens", () => {
	it("answers 36009004 for an unknown token and 105002 once expired", async () => {
		const seller = await newSeller();
		const unknown = await call(seller, "GET", "/authorization/202309/shops", { token: "TTP_nonsense" });
		expect([unknown.status, unknown.body.code]).toEqual([401, 36009004]);
		const missing = await call(seller, "GET", "/authorization/202309/shops", { token: null });
		expect(missing.body.code).toBe(36009004);

		const expired = await knob("POST", `/sellers/${seller.seller_id}/tokens/expire`, {});
		expect(expired.body.expired).toBeGreaterThan(0);
		const res = await call(seller, "GET", "/authorization/202309/shops");
		expect([res.status, res.body.code]).toEqual([401, 105002]);
	});

	it("honours a per-seller token lifetime", async () => {
		const seller = await newSeller({ accessTokenTtlSeconds: 60 });
		const now = Math.floor(Date.now() / 1000);
		expect(seller.access_token_expire_in).toBeLessThanOrEqual(now + 61);
	});
});
