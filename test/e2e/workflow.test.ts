/**
 * The seed workflow in headless Chromium against the real local stack (both
 * sandboxes and the app under `wrangler dev`): install and connect through the
 * UI, create and activate the default template and see products sync, create a
 * rule-based template, preview and activate it and see new products of its type
 * land in its category on TikTok (nothing listed twice), open a failed
 * product's reason, and take the README screenshots. Every wait is bounded.
 */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launch, poll } from "./support/browser.ts";
import { activate, acceptSuggestedCategory, completeRequiredFields, readReadiness, saveNewTemplate } from "./support/editor.ts";
import { badges, listProducts, refreshProducts } from "./support/products-page.ts";
import { type E2eStack, SHOP, startE2eStack } from "./support/stack.ts";

const root = new URL("../../", import.meta.url).pathname;
const SHOTS = `${root}test-results/screenshots`;
const SYNCED = /^(Synced|In review|Live)$/;
const WEIGHTLESS = "E2E Weightless Sample";

type Listing = { product_id: string; title: string; category_id: string; status: string; create_payload: string };
/** 1.5 lb, as TikTok gets it in each template unit: Shopify's weight converted and rounded up at the unit's precision. */
const ONE_AND_A_HALF_POUNDS = { POUND: "1.5", KILOGRAM: "0.681", GRAM: "681" } as const;
type Inspect = { listings: Listing[]; duplicates: number };
type ApiProduct = { id: string; title: string; productType: string | null; status: string };

let stack: E2eStack;
let browser: Browser;
let page: Page;
const started = Date.now();

/** The main navigation, as a merchant moves between pages. */
const go = (label: "Products" | "Category templates" | "Settings") =>
	page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();

async function shot(name: string) {
	// Scrolled to the end so the editor's sticky save bar sits in place in a full-page picture.
	await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
	await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
	rmSync(SHOTS, { recursive: true, force: true });
	mkdirSync(SHOTS, { recursive: true });
	stack = await startE2eStack();
	// Created before the install, so the import brings it: no weight, and no backup weight in the default template.
	await stack.sandbox("shopify", "POST", `/__sandbox/stores/${SHOP}/products`, {
		title: WEIGHTLESS,
		productType: "E2E Samples",
		vendor: "E2E",
		variants: [{ price: "12.00", inventoryQuantity: 5, sku: "E2E-NO-WEIGHT" }],
		images: [{ width: 800, height: 800 }],
	});
	browser = await launch();
	page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
	page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
}, 180_000);

// What the page showed when a step failed, next to the screenshots.
afterEach(async ({ task }) => {
	if (task.result?.state === "fail" && page)
		await page.screenshot({ path: `${SHOTS}/failed-${task.name.slice(0, 40).replace(/\W+/g, "-")}.png`, fullPage: true }).catch(() => {});
});

afterAll(async () => {
	await browser?.close();
	await stack?.close();
	console.log(`e2e workflow: ${((Date.now() - started) / 1000).toFixed(0)} s`);
});

describe("the merchant workflow", () => {
	it("installs the shop on first load and connects TikTok Shop from Settings", async () => {
		await page.goto(`${stack.appUrl}/#/settings`);
		await page.getByRole("button", { name: "Connect TikTok Shop" }).click({ timeout: 30_000 });
		// The sandbox authorizes at once and sends the top window back to Settings.
		await page.waitForURL(/#\/settings\?tiktok=connected/, { timeout: 30_000 });
		await page.getByText("TikTok Shop is connected.").waitFor({ timeout: 15_000 });
		await expect(page.getByText(/Connected to/).textContent()).resolves.toContain("Sandbox Demo Shop");

		await go("Products");
		await page
			.getByRole("status")
			.filter({ hasText: /^41 products$/ })
			.waitFor({ timeout: 90_000 });
	});

	let defaultCategory = "";
	it("creates the default template with the suggested category, activates it, and products sync", async () => {
		await go("Category templates");
		await page.getByText("No category templates yet").waitFor({ timeout: 15_000 });
		await page.getByRole("link", { name: "Create category template" }).click();
		await page.getByRole("heading", { name: "New default template" }).waitFor({ timeout: 15_000 });
		expect(await page.locator("#products").count()).toBe(0); // the default template has no rules

		defaultCategory = await acceptSuggestedCategory(page);
		await completeRequiredFields(page);
		await saveNewTemplate(page);
		const readiness = await readReadiness(page);
		expect(readiness).toMatch(/ready to sync/);
		expect(readiness).toMatch(/have no weight in Shopify and the template has no backup weight/);

		const willSync = await activate(page);
		expect(willSync).toBeGreaterThan(0);

		await go("Products");
		await page.getByRole("heading", { name: "Sync progress" }).waitFor({ timeout: 15_000 });
		await poll(
			"the activation run to finish",
			async () =>
				(await page
					.locator(".run")
					.filter({ hasText: /Done ·/ })
					.count()) > 0,
			{ timeoutMs: 120_000 },
		);
		const rows = await poll(
			"synced badges on the products page",
			async () => {
				const list = await badges(page);
				return list.filter((r) => SYNCED.test(r.badge)).length >= 10 && list;
			},
			{ timeoutMs: 30_000 },
		);
		expect(rows.every((r) => r.template.includes("Default template"))).toBe(true);
	});

	let typeName = "";
	let secondId = "";
	it("creates a rule-based template, previews it, activates it, and new products of its type sync into its category", async () => {
		// The type to select: the store's second main type (the default template took its category from the first);
		// the API only helps choose, the UI does the work.
		const { recommendations } = await stack.api<{ recommendations: { productType: string }[] }>("/api/categories/store-recommendation");
		typeName = recommendations[1].productType;
		const { products } = await stack.api<{ products: ApiProduct[] }>("/api/products?limit=100");
		const ofType = products.filter((p) => p.productType === typeName).length;

		await go("Category templates");
		await page.getByRole("link", { name: "Create category template" }).click();
		await page.getByRole("heading", { name: "New category template" }).waitFor({ timeout: 15_000 });
		await page.getByLabel(/^Template name/).fill(`${typeName} on TikTok`);
		await page.getByLabel("Rule 1 column").selectOption("product_type");
		await page.getByLabel("Rule 1 relation").selectOption("equals");
		await page.getByLabel("Rule 1 value").fill(typeName);
		await page.getByRole("button", { name: "Preview matching products" }).click();
		await expect
			.poll(() => page.getByTestId("preview-total").textContent(), { timeout: 15_000 })
			.toBe(`${ofType} product${ofType === 1 ? "" : "s"}`);
		expect(await page.locator(".preview-list li").count()).toBeGreaterThan(0);

		// Ask TikTok about one of the products the rule selects, and take its suggestion.
		await page.getByLabel("Suggest from").selectOption({ index: 0 });
		await page.getByRole("button", { name: "Suggest a category" }).click();
		await page.getByRole("button", { name: "Suggest a category" }).waitFor({ state: "visible", timeout: 30_000 });
		const category = await acceptSuggestedCategory(page);
		await completeRequiredFields(page);
		await page.getByLabel("Backup weight").fill("0.5");
		secondId = await saveNewTemplate(page);
		await readReadiness(page);
		await activate(page);

		// Products already listed by the default template stay where they are; new ones of the type come here.
		for (const n of [1, 2]) {
			await stack.sandbox("shopify", "POST", `/__sandbox/stores/${SHOP}/products`, {
				title: `E2E New ${typeName} ${n}`,
				productType: typeName,
				vendor: "E2E",
				variants: [{ price: "24.00", inventoryQuantity: 7, sku: `E2E-NEW-${n}`, weight: { value: 1.5, unit: "POUNDS" } }],
				images: [{ width: 800, height: 800 }],
			});
		}
		await go("Products");
		await listProducts(page, "E2E New");
		const rows = await poll(
			"the new products to sync with the second template",
			async () => {
				const list = await refreshProducts(page);
				return list.length === 2 && list.every((r) => SYNCED.test(r.badge)) && list;
			},
			{ timeoutMs: 90_000, intervalMs: 2000 },
		);
		expect(rows.every((r) => r.template.includes(`${typeName} on TikTok`))).toBe(true);

		const detail = await stack.api<{
			category: { id: string; path: { name: string }[] };
			shipping: { weightUnit: keyof typeof ONE_AND_A_HALF_POUNDS };
		}>(`/api/templates/${secondId}`);
		expect(detail.category.path.map((p) => p.name).join(" › ")).toBe(category);
		const inspect = await stack.sandbox<Inspect>("tiktok", "GET", "/__sandbox/sellers/demo/inspect");
		const listed = inspect.listings.filter((l) => l.title.includes("E2E New"));
		expect(listed).toHaveLength(2);
		expect(listed.every((l) => l.category_id === detail.category.id)).toBe(true);
		// Their weight is Shopify's (on the inventory item, read after products/create), not the template's 0.5 backup.
		const unit = detail.shipping.weightUnit;
		for (const l of listed) expect(JSON.parse(l.create_payload).package_weight).toEqual({ value: ONE_AND_A_HALF_POUNDS[unit], unit });
		expect(inspect.duplicates).toBe(0);
		expect(category).not.toBe(defaultCategory);
	});

	it("opens a failed product's reason, re-syncs one, and fixes one with a manual sync", async () => {
		const failed = await listProducts(page, "", "failed");
		expect(failed.map((r) => r.title)).toContain(WEIGHTLESS);
		await page.getByRole("button", { name: `Sync failed: see why ${WEIGHTLESS} failed` }).click({ timeout: 20_000 });
		const dialog = page.getByRole("dialog");
		await expect
			.poll(() => dialog.textContent(), { timeout: 5_000 })
			.toMatch(/Reason.*no weight.*How to fix it.*backup weight.*Error code/s);
		expect(await dialog.locator("code").first().textContent()).toBe("NO_WEIGHT");
		await page.screenshot({ path: `${SHOTS}/failure.png` });
		await dialog.getByRole("button", { name: "Close" }).click();

		// Re-sync another failed product from its reason.
		const other = failed.find((r) => r.title !== WEIGHTLESS);
		if (other) {
			await page.getByRole("button", { name: `Sync failed: see why ${other.title} failed` }).click();
			await dialog.getByRole("button", { name: "Re-sync" }).click();
			await dialog.getByText(/Queued for a new sync|Nothing to re-sync/).waitFor({ timeout: 15_000 });
			await dialog.getByRole("button", { name: "Close" }).click();
		}

		// Sync the weightless one by hand, with the form pre-filled from its template and a backup weight added.
		await listProducts(page, WEIGHTLESS);
		await page.getByRole("checkbox", { name: `Select ${WEIGHTLESS}` }).check();
		await page.getByRole("button", { name: "Sync 1 product" }).click();
		const form = page.getByRole("dialog", { name: "Sync 1 product" });
		await form.getByText(/Pre-filled from “Default template”/).waitFor({ timeout: 15_000 });
		await form.locator(".attribute").first().waitFor({ timeout: 30_000 });
		await form.getByLabel("Backup weight").fill("0.4");
		await form.getByRole("button", { name: "Sync 1 product" }).click();
		await page.getByText("The selected products are queued for syncing.").waitFor({ timeout: 15_000 });
		await poll(
			"the manually synced product to list",
			async () => {
				const [row] = await refreshProducts(page);
				return row && SYNCED.test(row.badge);
			},
			{ timeoutMs: 60_000, intervalMs: 2000 },
		);
	});

	it("duplicates a template, warns about the overlap, and reorders with the keyboard", async () => {
		const original = `${typeName} on TikTok`;
		const copy = `${original} (copy)`;
		await go("Category templates");
		await page.getByRole("button", { name: `Duplicate “${original}”` }).click();
		await page.getByRole("heading", { name: copy }).waitFor({ timeout: 15_000 });
		await activate(page);

		await go("Category templates");
		const overlap = page.locator(".banner").filter({ hasText: "Some templates select the same products" });
		await expect.poll(() => overlap.textContent(), { timeout: 15_000 }).toContain(`“${original}” and “${copy}” both select`);
		const names = () => page.locator(".template-row .template-main strong").allTextContents();
		expect(await names()).toEqual(["Default template", original, copy]);

		await page.getByRole("button", { name: `Move “${copy}” up` }).focus();
		await page.keyboard.press("Enter");
		await expect.poll(names, { timeout: 10_000 }).toEqual(["Default template", copy, original]);
		// The keyboard stays on the moved template, and the template now on top takes the common products.
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")), { timeout: 5_000 })
			.toBe(`Move “${copy}” down`);
		await expect.poll(() => overlap.textContent(), { timeout: 15_000 }).toContain(`“${copy}” takes them`);
		await page.reload();
		await expect.poll(names, { timeout: 15_000 }).toEqual(["Default template", copy, original]);
	});

	it("takes the screenshots for the README", async () => {
		await go("Products");
		await listProducts(page, "", "");
		await shot("products");
		await go("Category templates");
		await page.locator(".template-row").nth(1).waitFor({ timeout: 15_000 });
		await shot("templates");
		await page.goto(`${stack.appUrl}/#/templates/${secondId}`);
		await page.getByTestId("readiness-summary").waitFor({ timeout: 30_000 });
		await shot("editor");
		await go("Settings");
		await page.getByText(/Connected to/).waitFor({ timeout: 15_000 });
		await shot("settings");
		mkdirSync(`${root}docs/screenshots`, { recursive: true });
		for (const name of ["editor", "products"]) copyFileSync(`${SHOTS}/${name}.png`, `${root}docs/screenshots/${name}.png`);
	});
});
