/**
 * The catalogue import API, behind `shopSession()`:
 * - POST /api/import: starts an import, or restarts a finished one; while one
 *   runs it is returned as is (idempotent), so a double click starts one import.
 * - GET /api/import: the shop's latest import (status, count, start and end) or null.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { doc } from "../../http/doc";
import { shopSession } from "../../auth/shop-session";
import { AppError } from "../../http/errors";
import { findShop } from "../../shops";
import { latestImport, type ImportRow, startImport } from "./start";

export type ImportStatus = {
	id: string;
	status: "running" | "done" | "failed";
	imported: number;
	total: number | null;
	error: string | null;
	startedAt: number;
	finishedAt: number | null;
};

export const importStatus = (row: ImportRow): ImportStatus => ({
	id: row.id,
	status: row.status as ImportStatus["status"],
	imported: row.imported,
	total: row.total,
	error: row.error,
	startedAt: row.createdAt,
	finishedAt: row.finishedAt,
});

export const importApi = new Hono<AppEnv>()
	.use(shopSession())
	.post("/", doc("Start or restart the catalogue import", 202), async (c) => {
		const shop = await findShop(c.var.db, c.var.shopId);
		if (!shop || shop.uninstalledAt !== null || !shop.shopifyAccessTokenEnc) {
			throw new AppError("NOT_CONNECTED", "The app is not installed for this shop; open it from the Shopify admin first.");
		}
		const { importId, started } = await startImport(c.var.db, c.env.SYNC_QUEUE, c.var.shopId, { restart: true });
		const row = await latestImport(c.var.db, c.var.shopId);
		return c.json({ started, import: row && row.id === importId ? importStatus(row) : null }, started ? 202 : 200);
	})
	.get("/", doc("Catalogue import status"), async (c) => {
		const row = await latestImport(c.var.db, c.var.shopId);
		return c.json({ import: row ? importStatus(row) : null });
	});
