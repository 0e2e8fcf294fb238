/**
 * Drives the template editor like a merchant: take TikTok's suggested category,
 * fill its required attributes (and a size chart, certifications or package
 * dimensions when the category asks), save, read the readiness report, then
 * activate through the confirmation that says how many products will sync.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { fillRequiredAttributes, png } from "./browser.ts";

const UPLOAD = { name: "chart.png", mimeType: "image/png", buffer: png(1024, 1024) }; // TikTok wants at least 1024×1024 for size charts

export async function acceptSuggestedCategory(page: Page): Promise<string> {
	const suggestion = page.locator(".suggested");
	await suggestion.getByRole("button", { name: "Use this category" }).click({ timeout: 30_000 });
	const selected = (await page.locator("#category-selected strong").textContent({ timeout: 10_000 })) ?? "";
	// The attributes of the chosen category load into the next section.
	await page.locator("#attributes .attribute").first().waitFor({ timeout: 30_000 });
	return selected;
}

export async function completeRequiredFields(page: Page): Promise<void> {
	await fillRequiredAttributes(page, "#attributes");
	for (const cert of await page.locator("#attributes fieldset.certification:has(legend .required)").all()) {
		await cert.locator("input[type=file]").first().setInputFiles(UPLOAD);
		await cert.locator(".chips li").first().waitFor({ timeout: 20_000 });
	}
	const sizeChart = page.locator('#size-chart-image[aria-required="true"]');
	if (await sizeChart.count()) {
		await sizeChart.setInputFiles(UPLOAD);
		await page.getByText("Image uploaded").waitFor({ timeout: 20_000 });
	}
	if (await page.locator("fieldset.dimensions legend .required").count()) {
		for (const side of ["Length", "Width", "Height"]) await page.getByLabel(side, { exact: true }).fill("10");
	}
}

/** Saves a new template; returns its id from the editor's new address. */
export async function saveNewTemplate(page: Page): Promise<string> {
	await page.getByRole("button", { name: "Save template" }).click();
	await page.waitForURL(/#\/templates\/[0-9a-f-]{36}$/, { timeout: 30_000 });
	await expect.poll(() => page.getByRole("status").filter({ hasText: "created" }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
	return page.url().split("/").at(-1) as string;
}

export async function readReadiness(page: Page): Promise<string> {
	const summary = page.getByTestId("readiness-summary");
	await summary.waitFor({ timeout: 60_000 });
	return (await page.locator("#readiness").textContent()) ?? "";
}

/** Flips the switch, checks the confirmation's count, confirms; returns how many products it said would sync. */
export async function activate(page: Page): Promise<number> {
	await page.getByRole("switch", { name: "Activate this template" }).click();
	const dialog = page.getByRole("dialog");
	await dialog.waitFor({ timeout: 15_000 });
	const text = (await dialog.textContent()) ?? "";
	const count = Number(/([\d,]+) products? will start syncing/.exec(text)?.[1]?.replace(/,/g, "") ?? 0);
	await dialog.getByRole("button", { name: /^Activate and sync/ }).click();
	await page.getByText(/^Activated/).waitFor({ timeout: 30_000 });
	await expect.poll(() => page.getByRole("switch", { name: "Activate this template" }).isChecked(), { timeout: 5_000 }).toBe(true);
	return count;
}
