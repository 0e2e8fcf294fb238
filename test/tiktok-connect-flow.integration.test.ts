/**
 * Connect TikTok Shop end to end against the TikTok sandbox: link → /auth/tiktok/start (cookie)
 * → authorize → callback → tokens stored encrypted → webhooks registered → default warehouse
 * stored; plus the refusals (no session, a code TikTok rejects, a TikTok shop in use) that must
 * store nothing. Reused, foreign, concurrent and forged states: tiktok-connect-replay.
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openSecret } from "../worker/crypto/secret-box";
import { createDb } from "../worker/db/client";
import { tiktokForShop } from "../worker/tiktok/for-shop";
import {
	authorizeAtSandbox,
	callCallback,
	connectTikTokShop,
	createSandboxSeller,
	ensureShopRow,
	sessionTokenFor,
	startConnect,
} from "./support/tiktok";

const db = createDb(env.DB);
const shopRow = (id: string) => env.DB.prepare("SELECT * FROM shops WHERE id = ?").bind(id).first<Record<string, unknown>>();

describe("Connect TikTok Shop", () => {
	it("connects a shop: encrypted tokens, cipher, region, warehouse, webhooks", async () => {
		const shopId = "flow-connect.myshopify.com";
		const connected = await connectTikTokShop(shopId, { name: "Flow Shop" });
		expect(connected.redirectedTo).toBe("http://app.test/#/settings?tiktok=connected");

		const row = await shopRow(shopId);
		expect(row).toMatchObject({ tiktok_shop_name: "Flow Shop", tiktok_region: "US" });
		expect(row?.tiktok_shop_id).toMatch(/^\d{16,}$/);
		expect(row?.tiktok_shop_cipher).toMatch(/\S/);
		expect(row?.tiktok_warehouse_id).toMatch(/^\d+$/);
		expect(row?.tiktok_access_expires_at).toBeGreaterThan(Date.now());
		expect(row?.tiktok_refresh_expires_at).toBeGreaterThan(Date.now());
		const accessToken = await openSecret(row?.tiktok_access_token_enc as string, shopId, env.TOKEN_ENCRYPTION_KEY);
		const refreshToken = await openSecret(row?.tiktok_refresh_token_enc as string, shopId, env.TOKEN_ENCRYPTION_KEY);
		expect(accessToken).toBeTruthy();
		expect(refreshToken).toBeTruthy();
		const stored = JSON.stringify(row);
		expect(stored).not.toContain(accessToken);
		expect(stored).not.toContain(refreshToken);

		const tiktok = await tiktokForShop(env, db, shopId);
		if (!tiktok.ok) throw new Error(`tiktokForShop: ${tiktok.reason}`);
		const hooks = await tiktok.client.listWebhooks();
		expect(hooks.ok, JSON.stringify(hooks)).toBe(true);
		const registered = hooks.ok ? hooks.data.webhooks.map((w) => `${w.event_type} ${w.address}`).sort() : [];
		expect(registered).toEqual([
			"PRODUCT_AUDIT_STATUS_CHANGE http://app.test/webhooks/tiktok",
			"PRODUCT_STATUS_CHANGE http://app.test/webhooks/tiktok",
		]);
	});

	it("reports the connection without any token, and disconnect forgets it", async () => {
		const shopId = "flow-status.myshopify.com";
		await connectTikTokShop(shopId, { name: "Status Shop", region: "GB" });
		const auth = { authorization: `Bearer ${await sessionTokenFor(shopId)}` };
		const res = await exports.default.fetch("http://app.test/api/tiktok/status", { headers: auth });
		const text = await res.text();
		expect(res.status, text).toBe(200);
		const row = await shopRow(shopId);
		expect(JSON.parse(text)).toEqual({
			connected: true,
			needsReauthorization: false,
			tiktokShopId: row?.tiktok_shop_id,
			shopName: "Status Shop",
			region: "GB",
			warehouseId: row?.tiktok_warehouse_id,
			accessTokenExpiresAt: row?.tiktok_access_expires_at,
			refreshTokenExpiresAt: row?.tiktok_refresh_expires_at,
		});
		const accessToken = await openSecret(row?.tiktok_access_token_enc as string, shopId, env.TOKEN_ENCRYPTION_KEY);
		expect(text).not.toContain(accessToken);
		expect(text).not.toContain("v1.");

		const off = await exports.default.fetch("http://app.test/api/tiktok/disconnect", { method: "POST", headers: auth });
		expect(await off.json()).toEqual({ disconnected: true });
		expect(await shopRow(shopId)).toMatchObject({
			tiktok_shop_id: null,
			tiktok_shop_cipher: null,
			tiktok_access_token_enc: null,
			tiktok_refresh_token_enc: null,
		});
		const after = await exports.default.fetch("http://app.test/api/tiktok/status", { headers: auth });
		expect(await after.json()).toEqual({ connected: false, needsReauthorization: false });
	});

	it("creates a minimal shops row when none exists yet", async () => {
		const shopId = "flow-no-row.myshopify.com";
		const seller = await createSandboxSeller({ region: "US" });
		const { callback, cookie } = await authorizeAtSandbox(shopId, seller.seller_id);
		const res = await callCallback(callback, cookie);
		expect(res.headers.get("location")).toBe("http://app.test/#/settings?tiktok=connected");
		const row = await shopRow(shopId);
		expect(row?.created_at).toBeGreaterThan(0);
		expect(row?.updated_at).toBeGreaterThan(0);
		expect(row?.tiktok_shop_id).toBe(seller.shop_id);
		expect(row?.tiktok_shop_cipher).toBe(seller.shop_cipher);
	});

	it("needs a session to start", async () => {
		const res = await exports.default.fetch("http://app.test/api/tiktok/connect", { method: "POST" });
		expect(res.status).toBe(401);
		expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
	});

	it("links to our start route, which binds the browser with a cookie and sends it on to TikTok", async () => {
		const shopId = "flow-start.myshopify.com";
		const auth = { authorization: `Bearer ${await sessionTokenFor(shopId)}` };
		const res = await exports.default.fetch("http://app.test/api/tiktok/connect", { method: "POST", headers: auth });
		const { authorizeUrl } = await res.json<{ authorizeUrl: string }>();
		const link = new URL(authorizeUrl);
		expect(link.origin + link.pathname).toBe("http://app.test/auth/tiktok/start");

		const start = await exports.default.fetch(authorizeUrl, { redirect: "manual" });
		expect(start.status).toBe(302);
		const to = new URL(start.headers.get("location") ?? "");
		expect(to.origin + to.pathname).toBe(`${env.TIKTOK_AUTH_BASE}/oauth/authorize`);
		expect(Object.fromEntries(to.searchParams)).toEqual({
			app_key: env.TIKTOK_APP_KEY,
			state: link.searchParams.get("state"),
			redirect_uri: "http://app.test/auth/tiktok/callback",
		});
		const cookie = start.headers.get("set-cookie") ?? "";
		expect(cookie).toMatch(/^tiktok_connect=[^;]+\.[^;]+;/);
		expect(cookie).toMatch(/; Max-Age=600(;|$)/);
		expect(cookie).toMatch(/; Path=\/auth\/tiktok(;|$)/);
		expect(cookie).toMatch(/; HttpOnly(;|$)/);
		expect(cookie).toMatch(/; Secure(;|$)/);
		expect(cookie).toMatch(/; SameSite=Lax(;|$)/);
	});

	it("redirects with an error and stores nothing when TikTok rejects the code", async () => {
		const shopId = "flow-bad-code.myshopify.com";
		await ensureShopRow(shopId);
		const before = await shopRow(shopId);
		const { state, cookie } = await startConnect(shopId);
		const res = await callCallback(`http://app.test/auth/tiktok/callback?code=not-a-real-code&state=${encodeURIComponent(state)}`, cookie);
		expect(res.status).toBe(302);
		expect(res.headers.get("location")).toMatch(/^http:\/\/app\.test\/#\/settings\?tiktok=error&code=token_exchange/);
		expect(await shopRow(shopId)).toEqual(before);
	});

	it("refuses to connect a TikTok shop another installed store already uses", async () => {
		const seller = await createSandboxSeller();
		await connectTikTokShop("flow-first.myshopify.com", { sellerId: seller.seller_id });
		await ensureShopRow("flow-second.myshopify.com");
		const { callback, cookie } = await authorizeAtSandbox("flow-second.myshopify.com", seller.seller_id);
		const res = await callCallback(callback, cookie);
		expect(res.headers.get("location")).toBe("http://app.test/#/settings?tiktok=error&code=tiktok_shop_in_use");
		expect(await shopRow("flow-second.myshopify.com")).toMatchObject({ tiktok_shop_id: null, tiktok_access_token_enc: null });
	});
});
