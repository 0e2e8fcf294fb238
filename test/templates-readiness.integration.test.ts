/**
 * Readiness: before activation, which products would pass and why the others
 * would not, in the merchant's words, plus TikTok's own listing_check dry run
 * on a sample. Nothing is listed by it.
 */
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { api, inspectSeller, plainLeaf, setUpShop, type SyncShop, templateBodyFor } from "./support/sync";

let ctx: SyncShop;

beforeAll(async () => {
	ctx = await setUpShop("readiness", { productCount: 10 });
}, 120_000);

it("groups the reasons products would fail, and dry-runs a sample with TikTok", async () => {
	// Two listable products lose their weight in Shopify.
	const { results } = await env.DB.prepare("SELECT id FROM products WHERE shop_id = ? AND status = 'active' ORDER BY id LIMIT 2")
		.bind(ctx.shop)
		.all<{ id: string }>();
	for (const { id } of results)
		await env.DB.prepare("UPDATE variants SET weight_grams = NULL WHERE shop_id = ? AND product_id = ?").bind(ctx.shop, id).run();

	const category = await plainLeaf(ctx.shop, "candle");
	const body = await templateBodyFor(ctx.shop, category);
	const template = await api(ctx.shop, "POST", "/api/templates", {
		...body,
		name: "Default",
		isDefault: true,
		shipping: { weightSource: "shopify", weightUnit: "KILOGRAM", backupWeight: null },
	});
	expect(template.status, JSON.stringify(template.body)).toBe(201);

	const report = await api<{
		total: number;
		checked: number;
		passing: number;
		failing: number;
		groups: { code: string; count: number; summary: string; fix: string; products: { id: string }[] }[];
		dryRun: { passed: boolean }[];
		dryRunError: string | null;
	}>(ctx.shop, "GET", `/api/templates/${template.body.id}/readiness`);
	expect(report.status, JSON.stringify(report.body)).toBe(200);
	expect(report.body.checked).toBe(report.body.total);
	expect(report.body.passing + report.body.failing).toBe(report.body.checked);
	const noWeight = report.body.groups.find((g) => g.code === "NO_WEIGHT");
	expect(noWeight?.products.map((p) => p.id)).toEqual(expect.arrayContaining(results.map((r) => r.id)));
	expect(noWeight?.summary).toMatch(/products? have no weight in Shopify and the template has no backup weight/);
	expect(noWeight?.fix).toBeTruthy();
	expect(report.body.dryRunError).toBeNull();
	expect(report.body.dryRun.length).toBeGreaterThan(0);
	expect(report.body.dryRun.every((d) => d.passed)).toBe(true);

	// The dry run created nothing at TikTok.
	expect((await inspectSeller(ctx.sellerId)).listings).toHaveLength(0);

	// With a backup weight the weight problem is gone.
	const fixed = await api(ctx.shop, "PUT", `/api/templates/${template.body.id}`, {
		...body,
		name: "Default",
		shipping: { weightSource: "shopify", weightUnit: "KILOGRAM", backupWeight: 0.3 },
	});
	expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
	const again = await api<{ groups: { code: string }[] }>(ctx.shop, "GET", `/api/templates/${template.body.id}/readiness?dryRun=false`);
	expect(again.body.groups.map((g) => g.code)).not.toContain("NO_WEIGHT");
});
