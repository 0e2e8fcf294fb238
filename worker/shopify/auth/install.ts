/**
 * Installing a shop (embedded app, Shopify-managed installation + token exchange):
 * 1. If the shop already has a usable offline token and a finished install,
 *    nothing happens (POST /api/session runs on every UI load).
 * 2. Otherwise exchange the (already verified) session token for an expiring
 *    offline token, stored sealed with its expiries; a reinstall clears
 *    `uninstalled_at`.
 * 3. Read the shop (name, currency, weight unit), register the webhooks, and
 *    start the catalogue import (restarted after a reinstall: no webhook
 *    arrived while the app was gone).
 * 4. Only then set `installed_at`: a failure midway leaves it unset, so the next
 *    call resumes the missing steps.
 * `force` redoes everything, including a fresh token and a restarted import.
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/get-access-tokens/exchange-tokens
 */
import { z } from "zod";
import { config } from "../../config";
import type { Db } from "../../db/client";
import { adminBase, adminGraphql, type AdminGraphql } from "../admin/graphql";
import { SHOP_INFO } from "../admin/queries";
import { findShop, markInstalled } from "../../shops";
import { shopifyForShop } from "../for-shop";
import { latestImport, startImport } from "../import/start";
import { shortWeightUnit } from "../normalize/common";
import { registerWebhooks } from "./register-webhooks";
import { saveInstallTokens } from "./shop-tokens";
import { exchangeSessionToken } from "./token-endpoint";

export type InstallOutcome =
	| { ok: true; importId: string | null; installedNow: boolean }
	| { ok: false; code: "session_refused" | "shopify_unavailable" | "shopify_refused"; message: string };

const ShopInfo = z.object({ shop: z.object({ name: z.string(), currencyCode: z.string(), weightUnit: z.string() }) });

async function tokenFor(
	env: Env,
	db: Db,
	shopId: string,
	sessionToken: string,
	reuse: boolean,
	now: number,
): Promise<AdminGraphql | Exclude<InstallOutcome, { ok: true }>> {
	if (reuse) {
		const existing = await shopifyForShop(env, db, shopId, now);
		if (existing.ok) return existing.graphql;
	}
	const cfg = config(env);
	const exchanged = await exchangeSessionToken(cfg, shopId, sessionToken, now);
	if (!exchanged.ok) {
		return exchanged.reason === "refused"
			? { ok: false, code: "session_refused", message: `Shopify refused the session token (${exchanged.error ?? exchanged.status}).` }
			: { ok: false, code: "shopify_unavailable", message: "Shopify's token endpoint is unavailable." };
	}
	await saveInstallTokens(db, cfg, shopId, exchanged.tokens, now);
	return adminGraphql({
		base: adminBase(cfg.SHOPIFY_ADMIN_BASE, shopId),
		apiVersion: cfg.SHOPIFY_API_VERSION,
		accessToken: exchanged.tokens.accessToken,
	});
}

export async function installShop(
	env: Env,
	db: Db,
	shopId: string,
	sessionToken: string,
	options: { force?: boolean } = {},
	now = Date.now(),
): Promise<InstallOutcome> {
	const shop = await findShop(db, shopId);
	// Usable: not uninstalled, a token, and (for an expiring token) a refresh token that still works.
	const hasToken =
		!!shop &&
		shop.uninstalledAt === null &&
		shop.shopifyAccessTokenEnc !== null &&
		(shop.shopifyRefreshExpiresAt === null || shop.shopifyRefreshExpiresAt > now);
	if (hasToken && shop.installedAt !== null && !options.force) {
		return { ok: true, importId: (await latestImport(db, shopId))?.id ?? null, installedNow: false };
	}
	const reinstall = !!shop && shop.uninstalledAt !== null;

	const graphql = await tokenFor(env, db, shopId, sessionToken, hasToken && !options.force, now);
	if (typeof graphql !== "function") return graphql;

	return completeInstall(env, db, shopId, graphql, { restartImport: reinstall || !!options.force }, now);
}

/**
 * The steps after a token is stored, shared with the authorization-code grant:
 * shop details, webhook subscriptions, catalogue import, then `installed_at`.
 */
export async function completeInstall(
	env: Env,
	db: Db,
	shopId: string,
	graphql: AdminGraphql,
	options: { restartImport: boolean },
	now = Date.now(),
): Promise<InstallOutcome> {
	const info = await graphql<unknown>(SHOP_INFO);
	const parsed = info.ok ? ShopInfo.safeParse(info.data) : null;
	if (!parsed?.success) return { ok: false, code: "shopify_unavailable", message: "Could not read the shop from Shopify." };
	const registered = await registerWebhooks(graphql, config(env).APP_URL);
	if (!registered.ok)
		return { ok: false, code: "shopify_refused", message: `Could not subscribe to ${registered.topic}: ${registered.message}` };

	const started = await startImport(db, env.SYNC_QUEUE, shopId, { restart: options.restartImport }, now);
	const { name, currencyCode, weightUnit } = parsed.data.shop;
	await markInstalled(db, shopId, { name, currency: currencyCode, weightUnit: shortWeightUnit(weightUnit) }, now);
	return { ok: true, importId: started.importId, installedNow: true };
}
