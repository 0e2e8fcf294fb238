/**
 * The template API against the TikTok sandbox's category data: leaf and
 * permission checks (invite-only allowed with an apply link; prohibited, non-main
 * and non-leaf refused), attribute values by id, conditional requirements and
 * must-stay-empty sub-attributes, unit rules per region, and activation refusing
 * an incomplete template. Every refusal is a 4xx envelope that names the field
 * and stores nothing.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedInstalledShop } from "./support/shopify";
import { api, type Json } from "./support/sync";
import { connectTikTokShop } from "./support/tiktok";

const US = "templates-us.myshopify.com";
const GB = "templates-gb.myshopify.com";
const POWER_BANK = "910728";
const HAS_BATTERY = "101610";
const BATTERIES = "1024358";
const NONE = "3304258";
const BATTERY_TYPE = "178466";
const TEA_INVITE_ONLY = "916488";
const PROHIBITED = "865672";
const NON_MAIN = "605201";
const NOT_LEAF = "604206";

const shipping = { weightSource: "shopify", weightUnit: "KILOGRAM", backupWeight: 0.4 };

async function templateCount(shop: string): Promise<number> {
	const row = await env.DB.prepare("SELECT count(*) AS n FROM templates WHERE shop_id = ?").bind(shop).first<{ n: number }>();
	return row?.n ?? 0;
}

async function refused(shop: string, body: Json, path: string, status = 422) {
	const before = await templateCount(shop);
	const res = await api<{ error: { code: string; message: string; issues?: { path: string; message: string }[] } }>(
		shop,
		"POST",
		"/api/templates",
		body,
	);
	expect(res.status, JSON.stringify(res.body)).toBe(status);
	expect(res.body.error.message).toBeTruthy();
	expect(res.body.error.issues?.map((i) => i.path)).toContain(path);
	expect(await templateCount(shop)).toBe(before);
	return res.body.error;
}

beforeAll(async () => {
	await seedInstalledShop(US);
	await connectTikTokShop(US, { region: "US" });
	await seedInstalledShop(GB, { currency: "GBP" });
	await connectTikTokShop(GB, { region: "GB" });
}, 60_000);

describe("categories", () => {
	it("lists the tree, searches it, and flags invite-only categories with an apply link", async () => {
		const roots = await api<{ categories: Json[] }>(US, "GET", "/api/categories");
		expect(roots.body.categories.length).toBeGreaterThanOrEqual(15);
		const found = await api<{ categories: Json[] }>(US, "GET", "/api/categories?keyword=power%20bank");
		expect(found.body.categories.map((c) => c.id)).toContain(POWER_BANK);
		const tea = await api<Json>(US, "GET", `/api/categories/${TEA_INVITE_ONLY}`);
		expect(tea.body).toMatchObject({ inviteOnly: true, applyUrl: expect.stringMatching(/^https:/) });
	});

	it("recommends a category for a title", async () => {
		const rec = await api<{ category: Json }>(US, "POST", "/api/categories/recommend", {
			title: "20000mAh Power Bank with USB-C",
			description: "Portable charger",
		});
		expect(rec.body.category.path[0].name).toMatch(/Phones|Electronics/);
	});
});

describe("saving a template", () => {
	it("accepts an invite-only leaf and shows the apply link; refuses prohibited, non-main and non-leaf", async () => {
		const tea = await api<Json>(US, "POST", "/api/templates", {
			name: "Tea",
			isDefault: false,
			categoryId: TEA_INVITE_ONLY,
			rules: [{ column: "product_type", relation: "equals", condition: "Tea" }],
			shipping,
		});
		expect(tea.status, JSON.stringify(tea.body)).toBe(201);
		expect(tea.body.category).toMatchObject({ inviteOnly: true, applyUrl: expect.any(String) });
		for (const categoryId of [PROHIBITED, NON_MAIN, NOT_LEAF]) {
			await refused(
				US,
				{ name: "Nope", isDefault: false, categoryId, rules: [{ column: "title", relation: "contains", condition: "x" }], shipping },
				"categoryId",
			);
		}
	});

	it("refuses a sub-attribute that must stay empty for the chosen parent value", async () => {
		const error = await refused(
			US,
			{
				name: "Power banks",
				isDefault: false,
				categoryId: POWER_BANK,
				rules: [{ column: "product_type", relation: "equals", condition: "Power Banks" }],
				attributes: {
					[HAS_BATTERY]: { source: "fixed", values: [{ id: NONE }] },
					[BATTERY_TYPE]: { source: "fixed", values: [{ id: "6539156" }] },
				},
				shipping,
			},
			`attributes.${BATTERY_TYPE}`,
		);
		expect(error.issues?.find((i) => i.path === `attributes.${BATTERY_TYPE}`)?.message).toMatch(/must stay empty/);
	});

	it("saves a template missing a conditionally required attribute, but refuses to activate it, naming the attribute", async () => {
		const created = await api<Json>(US, "POST", "/api/templates", {
			name: "Power banks",
			isDefault: false,
			categoryId: POWER_BANK,
			rules: [{ column: "product_type", relation: "equals", condition: "Power Banks" }],
			attributes: { [HAS_BATTERY]: { source: "fixed", values: [{ id: BATTERIES }] } },
			shipping,
		});
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		const activation = await api<{ error: { code: string; issues: { path: string }[] } }>(
			US,
			"POST",
			`/api/templates/${created.body.id}/activate`,
		);
		expect(activation.status).toBe(422);
		expect(activation.body.error.issues.map((i) => i.path)).toContain(`attributes.${BATTERY_TYPE}`);
		const row = await env.DB.prepare("SELECT is_active FROM templates WHERE shop_id = ? AND id = ?")
			.bind(US, created.body.id)
			.first<{ is_active: number }>();
		expect(row?.is_active).toBe(0);
	});

	it("refuses value ids that are not the attribute's, and custom values where not allowed", async () => {
		await refused(
			US,
			{
				name: "Bad",
				isDefault: false,
				categoryId: POWER_BANK,
				rules: [{ column: "title", relation: "contains", condition: "bank" }],
				attributes: { [HAS_BATTERY]: { source: "fixed", values: [{ id: "999" }] } },
				shipping,
			},
			`attributes.${HAS_BATTERY}`,
		);
		await refused(
			US,
			{
				name: "Bad",
				isDefault: false,
				categoryId: POWER_BANK,
				rules: [{ column: "title", relation: "contains", condition: "bank" }],
				attributes: { [HAS_BATTERY]: { source: "fixed", values: [{ name: "Maybe" }] } },
				shipping,
			},
			`attributes.${HAS_BATTERY}`,
		);
	});

	it("applies the region's unit rules: pounds and inches only for US shops, one unit system, whole dimensions", async () => {
		const rules = [{ column: "title", relation: "contains", condition: "bank" }];
		await refused(
			GB,
			{ name: "Imperial", isDefault: false, categoryId: POWER_BANK, rules, shipping: { weightUnit: "POUND", backupWeight: 1 } },
			"shipping.weightUnit",
		);
		await refused(
			US,
			{
				name: "Mixed",
				isDefault: false,
				categoryId: POWER_BANK,
				rules,
				shipping: { weightUnit: "KILOGRAM", dimensions: { length: 10, width: 5, height: 2, unit: "INCH" } },
			},
			"shipping.dimensions.unit",
		);
		await refused(
			US,
			{
				name: "Fractions",
				isDefault: false,
				categoryId: POWER_BANK,
				rules,
				shipping: { weightUnit: "KILOGRAM", dimensions: { length: 10.5, width: 5, height: 2, unit: "CENTIMETER" } },
			},
			"shipping.dimensions.length",
		);
		const imperial = await api(US, "POST", "/api/templates", {
			name: "Imperial US",
			isDefault: false,
			categoryId: POWER_BANK,
			rules,
			shipping: { weightUnit: "POUND", backupWeight: 1.25, dimensions: { length: 10, width: 5, height: 2, unit: "INCH" } },
		});
		expect(imperial.status, JSON.stringify(imperial.body)).toBe(201);
	});

	it("refuses invalid rules with a message naming the rule", async () => {
		const error = await refused(
			US,
			{
				name: "Rules",
				isDefault: false,
				categoryId: POWER_BANK,
				rules: [
					{ column: "title", relation: "contains", condition: "a" },
					{ column: "vendor", relation: "greater_than", condition: "5" },
				],
				shipping,
			},
			"rules.1",
		);
		expect(error.message).toContain("rules.1");
	});

	it("the first template of a shop becomes its default; a second default is refused", async () => {
		const shop = "templates-default.myshopify.com";
		await seedInstalledShop(shop);
		const first = await api<Json>(shop, "POST", "/api/templates", { name: "Everything", shipping });
		expect(first.status, JSON.stringify(first.body)).toBe(201);
		expect(first.body.isDefault).toBe(true);
		const second = await api<{ error: { code: string } }>(shop, "POST", "/api/templates", {
			name: "Also everything",
			isDefault: true,
			shipping,
		});
		expect(second.status).toBe(409);
		expect(await templateCount(shop)).toBe(1);
	});
});
