/**
 * The work behind GET /auth/tiktok/callback once the state is verified:
 * code → tokens → authorized shops (first shop: id, name, region, cipher) → webhooks
 * (PRODUCT_STATUS_CHANGE, PRODUCT_AUDIT_STATUS_CHANGE → `${APP_URL}/webhooks/tiktok`) →
 * default sales warehouse → one write of the whole connection.
 *
 * Every TikTok call happens before the write, so a failure at any step stores nothing.
 * Webhook registration is a PUT per event type, so a repeated connect is harmless. A rate limit
 * is waited out briefly here (the merchant is watching a redirect), unlike in the client.
 */
import { config } from "../../config";
import type { Db } from "../../db/client";
import type { TikTokEventType } from "../api/webhooks";
import { type TransportOverrides, tiktokAppConfig } from "../app-config";
import { createTikTokAuth, createTikTokClient, defaultSalesWarehouse } from "../client";
import type { TikTokError, TikTokResult } from "../errors";
import { storeConnection } from "./shop-store";

/** The merchant is waiting on this request: honour a short Retry-After (≤2 s) twice, then give up. */
const MAX_WAIT_MS = 2000;

async function patiently<T>(call: () => Promise<TikTokResult<T>>): Promise<TikTokResult<T>> {
	let result = await call();
	for (let retry = 0; retry < 2 && !result.ok && result.error.kind === "rate_limited"; retry++) {
		const waitMs = Math.min(result.error.retryAfterMs ?? 1000, MAX_WAIT_MS);
		await new Promise((resolve) => setTimeout(resolve, waitMs));
		result = await call();
	}
	return result;
}

export const CONNECT_WEBHOOK_EVENTS: TikTokEventType[] = ["PRODUCT_STATUS_CHANGE", "PRODUCT_AUDIT_STATUS_CHANGE"];

export type ConnectFailure =
	| "token_exchange"
	| "authorized_shops"
	| "no_authorized_shop"
	| "webhooks"
	| "warehouses"
	| "tiktok_shop_in_use";

export type CompleteResult =
	| { ok: true; tiktokShopId: string; shopName: string; region: string; warehouseId: string | null }
	| { ok: false; reason: ConnectFailure; error?: TikTokError };

export async function completeConnection(
	env: Env,
	db: Db,
	shopId: string,
	authCode: string,
	overrides: TransportOverrides = {},
): Promise<CompleteResult> {
	const cfg = config(env);
	const app = tiktokAppConfig(env, overrides);
	const tokens = await createTikTokAuth(app).getAccessToken(authCode);
	if (!tokens.ok) return { ok: false, reason: "token_exchange", error: tokens.error };

	const unscoped = createTikTokClient(app, { accessToken: tokens.data.accessToken });
	const shopsResult = await patiently(() => unscoped.getAuthorizedShops());
	if (!shopsResult.ok) return { ok: false, reason: "authorized_shops", error: shopsResult.error };
	const shop = shopsResult.data.shops[0];
	if (!shop) return { ok: false, reason: "no_authorized_shop" };

	const client = createTikTokClient(app, { accessToken: tokens.data.accessToken, shopCipher: shop.cipher, region: shop.region });
	const address = `${cfg.APP_URL.replace(/\/+$/, "")}/webhooks/tiktok`;
	for (const event of CONNECT_WEBHOOK_EVENTS) {
		const registered = await patiently(() => client.registerWebhook(event, address));
		if (!registered.ok) return { ok: false, reason: "webhooks", error: registered.error };
	}
	const warehouses = await patiently(() => client.getWarehouses());
	if (!warehouses.ok) return { ok: false, reason: "warehouses", error: warehouses.error };
	const warehouseId = defaultSalesWarehouse(warehouses.data.warehouses)?.id ?? null;

	const connection = {
		tokens: tokens.data,
		tiktokShopId: shop.id,
		shopName: shop.name,
		region: shop.region,
		shopCipher: shop.cipher,
		warehouseId,
	};
	const stored = await storeConnection(db, shopId, connection, cfg.TOKEN_ENCRYPTION_KEY);
	if (!stored.ok) return { ok: false, reason: stored.reason };
	// The inventory of what the shop already has on TikTok (the `tiktok.inventory` job, sync/linking/),
	// so nothing is created twice. A literal: worker/jobs, where the message is typed, imports this folder.
	await env.SYNC_QUEUE.send({ type: "tiktok.inventory", shopId, startedAt: Date.now(), pageToken: null });
	return { ok: true, tiktokShopId: shop.id, shopName: shop.name, region: shop.region, warehouseId };
}
