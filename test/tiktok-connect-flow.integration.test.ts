/**
 * Connect TikTok Shop end to end against the TikTok sandbox: authorize → callback → tokens
 * stored encrypted → webhooks registered → default warehouse stored; plus the refusals
 * (no session, forged or expired state, a code TikTok rejects) that must store nothing.
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openSecret } from "../worker/crypto/secret-box";
import { createDb } from "../worker/db/client";
import { signConnectState } from "../worker/tiktok/connect/state";
import { tiktokForShop } from "../worker/tiktok/for-shop";
import { authorizeAtSandbox, connectTikTokShop, createSandboxSeller, ensureShopRow, sessionTokenFor } from "./support/tiktok";

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
		expect(registered).toEqual(["PRODUCT_AUDIT_STATUS_CHANGE http://app.test/webhooks/tiktok", "PRODUCT_STATUS_CHANGE http://app.test/webhooks/tiktok"]);
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
		expect(await shopRow(shopId)).toMatchObject({ tiktok_shop_id: null, tiktok_shop_cipher: null, tiktok_access_token_enc: null, tiktok_refresh_token_enc: null });
		const after = await exports.default.fetch("http://app.test/api/tiktok/status", { headers: auth });
		expect(await after.json()).toEqual({ connected: false, needsReauthorization: false });
	});

	it("creates a minimal shops row when none exists yet", async () => {
		const shopId = "flow-no-row.myshopify.com";
		const seller = await createSandboxSeller({ region: "US" });
		const callback = await authorizeAtSandbox(shopId, seller.seller_id);
		const res = await exports.default.fetch(callback, { redirect: "manual" });
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

	it("refuses a forged or expired state with a 400 and stores nothing", async () => {
		const shopId = "flow-bad-state.myshopify.com";
		await ensureShopRow(shopId);
		const before = await shopRow(shopId);
		const seller = await createSandboxSeller();
		const callback = new URL(await authorizeAtSandbox(shopId, seller.seller_id));

		const forged = await signConnectState(shopId, "not-the-app-secret");
		const expired = await signConnectState(shopId, env.TIKTOK_APP_SECRET, Math.floor(Date.now() / 1000) - 3600);
		for (const state of [forged, expired, "garbage"]) {
			callback.searchParams.set("state", state);
			const res = await exports.default.fetch(callback.href, { redirect: "manual" });
			const body = await res.json<{ error: { code: string; message: string } }>();
			expect(res.status, JSON.stringify(body)).toBe(400);
			expect(body.error.code).toBe("BAD_REQUEST");
		}
		expect(await shopRow(shopId)).toEqual(before);
	});

	it("redirects with an error and stores nothing when TikTok rejects the code", async () => {
		const shopId = "flow-bad-code.myshopify.com";
		await ensureShopRow(shopId);
		const before = await shopRow(shopId);
		const state = await signConnectState(shopId, env.TIKTOK_APP_SECRET);
		const res = await exports.default.fetch(`http://app.test/auth/tiktok/callback?code=not-a-real-code&state=${encodeURIComponent(state)}`, { redirect: "manual" });
		expect(res.status).toBe(302);
		expect(res.headers.get("location")).toMatch(/^http:\/\/app\.test\/#\/settings\?tiktok=error&code=token_exchange/);
		expect(await shopRow(shopId)).toEqual(before);
	});

	it("refuses to connect a TikTok shop another installed store already uses", async () => {
		const seller = await createSandboxSeller();
		await connectTikTokShop("flow-first.myshopify.com", { sellerId: seller.seller_id });
		await ensureShopRow("flow-second.myshopify.com");
		const callback = await authorizeAtSandbox("flow-second.myshopify.com", seller.seller_id);
		const res = await exports.default.fetch(callback, { redirect: "manual" });
		expect(res.headers.get("location")).toBe("http://app.test/#/settings?tiktok=error&code=tiktok_shop_in_use");
		expect(await shopRow("flow-second.myshopify.com")).toMatchObject({ tiktok_shop_id: null, tiktok_access_token_enc: null });
	});
});
