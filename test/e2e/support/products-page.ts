/**
 * The products page as the test reads it: each row's title, badge and template,
 * after a search or status filter has really been applied (the page marks the
 * applied filters and its busy state on the list).
 */
import type { Page } from "playwright-core";

export type Row = { title: string; badge: string; template: string };

export async function badges(p: Page): Promise<Row[]> {
	return p.locator("tr[data-product-id]").evaluateAll((rows) =>
		rows.map((row) => ({
			title: row.querySelector(".product-title")?.textContent ?? "",
			badge: row.querySelector(".badge")?.textContent ?? "",
			template: row.querySelectorAll("td")[3]?.textContent ?? "",
		})),
	);
}

/** Filters the products page and waits until the list shows exactly that search and status. */
export async function listProducts(page: Page, q: string, badge = "") {
	await page.getByLabel("Search products").fill(q);
	await page.getByLabel("Status").selectOption(badge);
	await page.locator(`section[data-search="${q}"][data-badge="${badge}"][aria-busy="false"]`).waitFor({ timeout: 15_000 });
	return badges(page);
}

export async function refreshProducts(page: Page) {
	await page.getByRole("button", { name: "Refresh" }).click();
	await page.locator('section[data-search][aria-busy="false"]').waitFor({ timeout: 15_000 });
	return badges(page);
}
