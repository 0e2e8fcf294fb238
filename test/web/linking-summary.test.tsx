/**
 * The Products page's "Already on TikTok Shop" card: the three counts, the
 * Linked badge's help, each ambiguous listing with why; nothing before the
 * first inventory.
 */
import { cleanup, render, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { BADGE_HELP } from "../../worker/products/badge";
import { LinkingSummary } from "../../web/pages/products/linking";

afterEach(cleanup);

describe("linking summary", () => {
	it("shows linked, ambiguous and On TikTok only counts, the help text and why each ambiguous listing was not linked", () => {
		const reason = "Seller SKU MUG-1 belongs to 2 Shopify products.";
		render(
			<LinkingSummary
				found={{
					linked: 20,
					ambiguous: 1,
					onTikTokOnly: 3,
					inventoryAt: 1,
					ambiguousListings: [{ tiktokProductId: "1729", skus: ["MUG-1"], reason }],
				}}
			/>,
		);
		const card = screen.getByRole("region", { name: "Already on TikTok Shop" });
		expect(card.textContent).toContain("20 Linked");
		expect(card.textContent).toContain("1 Ambiguous");
		expect(card.textContent).toContain("3 On TikTok only");
		expect(card.textContent).toContain(BADGE_HELP.linked);
		const items = within(screen.getByRole("list", { name: "Ambiguous TikTok listings" })).getAllByRole("listitem");
		expect(items.map((li) => li.textContent)).toEqual([`TikTok listing 1729 (MUG-1): ${reason}`]);
	});

	it("shows nothing before the first inventory found anything", () => {
		const { container } = render(
			<LinkingSummary found={{ linked: 0, ambiguous: 0, onTikTokOnly: 0, inventoryAt: null, ambiguousListings: [] }} />,
		);
		expect(container.innerHTML).toBe("");
	});
});
