/**
 * tiktokForShop against the sandbox: refuses unconnected and uninstalled shops, refreshes an
 * access token that is (nearly) expired and stores the new pair, and two consumers refreshing
 * at once converge on one stored pair instead of clobbering each other.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openSecret } from "../worker/crypto/secret-box";
import { createDb } from "../worker/db/client";
import { tiktokForShop } from "../worker/tiktok/for-shop";
import { connectTikTokShop, ensureShopRow } from "./support/tiktok";

const db = createDb(env.DB);
const row = (id: string) => env.DB.prepare("SELECT * FROM shops WHERE id = ?").bind(id).first<Record<string, string | number | null>>();
const storedAccessToken = async (id: string) =>
	openSecret((await row(id))?.tiktok_access_token_enc as string, id, env.TOKEN_ENCRYPTION_KEY);
const setColumn = (id: string, column: string, value: number | null) =>
	env.DB.prepare(`UPDATE shops SET ${column} = ? WHERE id = ?`).bind(value, id).run();

describe("tiktokForShop", () => {
	it("says not_connected for an unknown shop or one that never connected TikTok", async () => {
		expect(await tiktokForShop(env, db, "nobody.myshopify.com")).toEqual({ ok: false, reason: "not_connected" });
		await ensureShopRow("refresh-none.myshopify.com");
		expect(await tiktokForShop(env, db, "refresh-none.myshopify.com")).toEqual({ ok: false, reason: "not_connected" });
	});

	it("says uninstalled once the Shopify app is uninstalled", async () => {
		const shopId = "refresh-uninstalled.myshopify.com";
		await connectTikTokShop(shopId);
		await setColumn(shopId, "uninstalled_at", Date.now());
		expect(await tiktokForShop(env, db, shopId)).toEqual({ ok: false, reason: "uninstalled" });
	});

	it("uses the stored token while it is fresh", async () => {
		const shopId = "refresh-fresh.myshopify.com";
		await connectTikTokShop(shopId);
		const before = await row(shopId);
		const tiktok = await tiktokForShop(env, db, shopId);
		expect(tiktok.ok && tiktok.client.accessToken).toBe(await storedAccessToken(shopId));
		expect((await row(shopId))?.tiktok_access_token_enc).toBe(before?.tiktok_access_token_enc);
	});

	it("refreshes a token within 5 minutes of expiry, stores the new pair and uses it", async () => {
		const shopId = "refresh-due.myshopify.com";
		await connectTikTokShop(shopId);
		const oldToken = await storedAccessToken(shopId);
		await setColumn(shopId, "tiktok_access_expires_at", Date.now() + 60_000);
		const tiktok = await tiktokForShop(env, db, shopId);
		if (!tiktok.ok) throw new Error(tiktok.reason);
		const newToken = await storedAccessToken(shopId);
		expect(newToken).not.toBe(oldToken);
		expect(tiktok.client.accessToken).toBe(newToken);
		expect((await row(shopId))?.tiktok_access_expires_at).toBeGreaterThan(Date.now() + 5 * 60_000);
		const warehouses = await tiktok.client.getWarehouses();
		expect(warehouses.ok, JSON.stringify(warehouses)).toBe(true);
	});

	it("two consumers refreshing at once end with the same stored token", async () => {
		const shopId = "refresh-race.myshopify.com";
		await connectTikTokShop(shopId);
		await setColumn(shopId, "tiktok_access_expires_at", Date.now() - 1000);
		const [a, b] = await Promise.all([tiktokForShop(env, db, shopId), tiktokForShop(env, db, shopId)]);
		if (!a.ok || !b.ok) throw new Error(`refresh failed: ${JSON.stringify([a.ok || a.reason, b.ok || b.reason])}`);
		const stored = await storedAccessToken(shopId);
		expect(a.client.accessToken).toBe(stored);
		expect(b.client.accessToken).toBe(stored);
		for (const tiktok of [a, b]) expect((await tiktok.client.getWarehouses()).ok).toBe(true);
	});

	it("when TikTok says 105002 mid-session, the client refreshes once, stores the pair and retries", async () => {
		const shopId = "refresh-105002.myshopify.com";
		const { sellerId } = await connectTikTokShop(shopId);
		const tiktok = await tiktokForShop(env, db, shopId);
		if (!tiktok.ok) throw new Error(tiktok.reason);
		const oldToken = tiktok.client.accessToken;
		const expire = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${sellerId}/tokens/expire`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ access_token: oldToken }),
		});
		expect(expire.status, await expire.clone().text()).toBe(200);
		const warehouses = await tiktok.client.getWarehouses();
		expect(warehouses.ok, JSON.stringify(warehouses)).toBe(true);
		expect(tiktok.client.accessToken).not.toBe(oldToken);
		expect(await storedAccessToken(shopId)).toBe(tiktok.client.accessToken);
	});

	it("asks to re-authorize when the refresh token has expired", async () => {
		const shopId = "refresh-lapsed.myshopify.com";
		await connectTikTokShop(shopId);
		await setColumn(shopId, "tiktok_access_expires_at", Date.now() - 1000);
		await setColumn(shopId, "tiktok_refresh_expires_at", Date.now() - 1000);
		expect(await tiktokForShop(env, db, shopId)).toMatchObject({ ok: false, reason: "reauthorize" });
	});
});
