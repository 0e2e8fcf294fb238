/**
 * The fan-out of an activation run queues only an ACTIVE template's claim: a
 * run whose template was deactivated before the run was cancelled (the two are
 * separate writes) queues none of the products that template keeps for a
 * manual sync, and the default's run never takes them either.
 */
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { upsertProduct } from "../worker/catalog/product-repo";
import { productSync, syncRuns } from "../worker/db/schema";
import { jobContext } from "../worker/jobs/context";
import { fanOut } from "../worker/sync/jobs/fanout";
import { createRun } from "../worker/sync/runs";
import { makeProduct } from "./support/catalog";
import { seedInstalledShop, spyOnSyncQueue } from "./support/shopify";
import { db } from "./support/sync-jobs";
import { rule, storeTemplates } from "./support/template-rows";

afterEach(() => {
	vi.restoreAllMocks();
});

async function shopWithMugsAndDefault(mugsActive: boolean) {
	const shop = `claims-fanout-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
	await seedInstalledShop(shop);
	const mug = makeProduct({ id: "101", title: "Stoneware Mug", productType: "Mugs" });
	const tee = makeProduct({ id: "102", title: "Crew Tee", productType: "T-Shirts" });
	for (const p of [mug, tee]) await upsertProduct(db, shop, p, Date.now());
	await storeTemplates(db, shop, [
		{ id: "default", isDefault: true },
		{ id: "mugs", priority: 1, isActive: mugsActive, rules: [rule("product_type", "equals", "mugs")] },
	]);
	return shop;
}

async function fanOutRun(shop: string, templateId: string) {
	const runId = await createRun(db, shop, { kind: "activation", templateId, total: 1, status: "fanning_out" });
	const queue = spyOnSyncQueue();
	const outcome = await fanOut({ type: "sync.fanout", shopId: shop, runId, after: null }, jobContext(env, createExecutionContext()));
	const queued = queue.messages().flatMap((m) => (m.type === "sync.product" ? [m.productId] : []));
	const run = await db.query.syncRuns.findFirst({ where: and(eq(syncRuns.shopId, shop), eq(syncRuns.id, runId)) });
	return { outcome, queued, run };
}

describe("fan-out and inactive templates", () => {
	it("a run of a template deactivated before its run was cancelled queues nothing, and still finishes", async () => {
		const shop = await shopWithMugsAndDefault(false);
		const { outcome, queued, run } = await fanOutRun(shop, "mugs");
		expect(outcome).toEqual({ kind: "done" });
		expect(queued).toEqual([]);
		expect(run?.status).toBe("running");
		const rows = await db.select({ state: productSync.syncState }).from(productSync).where(eq(productSync.shopId, shop));
		expect(rows.map((r) => r.state)).toEqual(["not_synced", "not_synced"]);
	});

	it("the default's run leaves an inactive template's products alone, and an active template's run queues them", async () => {
		const shop = await shopWithMugsAndDefault(false);
		expect((await fanOutRun(shop, "default")).queued).toEqual(["102"]);
		const active = await shopWithMugsAndDefault(true);
		expect((await fanOutRun(active, "mugs")).queued).toEqual(["101"]);
	});
});
