/**
 * Removing a shop's data. Two scopes:
 * - `tokens` (app/uninstalled): every credential, Shopify's and TikTok's, at once,
 *   plus `uninstalled_at`, so no job can call either platform for the shop again;
 *   a running import is stopped. Catalogue and mappings stay until shop/redact.
 * - `all` (shop/redact, 48 h after uninstall): every row of the shop in every table,
 *   unless the shop is installed (no uninstall recorded and a Shopify token held).
 *   The condition is part of every delete, so a reinstall between the caller's
 *   read and the purge cannot lose the new installation's rows.
 * Each is one `db.batch` (one transaction in D1), so a purge never half-happens.
 * @see https://shopify.dev/docs/apps/build/privacy-law-compliance
 */
import { and, eq, notExists } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as schema from "../../db/schema";
import { installedShopQuery, markUninstalled } from "../../shops";

/** Every table holding a shop's rows, keyed by their shop column. A unit test checks none is missing. */
export const SHOP_TABLES = [
	{ table: schema.variants, shopColumn: schema.variants.shopId },
	{ table: schema.products, shopColumn: schema.products.shopId },
	{ table: schema.productSync, shopColumn: schema.productSync.shopId },
	{ table: schema.tiktokListings, shopColumn: schema.tiktokListings.shopId },
	{ table: schema.templateRules, shopColumn: schema.templateRules.shopId },
	{ table: schema.templates, shopColumn: schema.templates.shopId },
	{ table: schema.webhookReceipts, shopColumn: schema.webhookReceipts.shopId },
	{ table: schema.imageCache, shopColumn: schema.imageCache.shopId },
	{ table: schema.syncRuns, shopColumn: schema.syncRuns.shopId },
	{ table: schema.imports, shopColumn: schema.imports.shopId },
	{ table: schema.tiktokCache, shopColumn: schema.tiktokCache.shopId },
	{ table: schema.tiktokConnectStates, shopColumn: schema.tiktokConnectStates.shopId },
	{ table: schema.shops, shopColumn: schema.shops.id },
] as const;

export type PurgeScope = "tokens" | "all";

/** `purged` is false when the shop turned out to be installed and nothing was deleted. */
export async function purgeShop(db: Db, shopId: string, scope: PurgeScope, now: number): Promise<{ purged: boolean }> {
	if (scope === "all") {
		const deletes = SHOP_TABLES.map(({ table, shopColumn }) =>
			db.delete(table).where(and(eq(shopColumn, shopId), notExists(installedShopQuery(db, shopId)))),
		);
		const [installed] = await db.batch([installedShopQuery(db, shopId), ...deletes]);
		return { purged: installed.length === 0 };
	}
	await db.batch([
		markUninstalled(db, shopId, now),
		db
			.update(schema.imports)
			.set({ status: "failed", error: "The app was uninstalled.", finishedAt: now, updatedAt: now })
			.where(and(eq(schema.imports.shopId, shopId), eq(schema.imports.status, "running"))),
	]);
	return { purged: true };
}
