/**
 * The Products page's "Already on TikTok Shop" card: the three counts, the
 * Linked badge's help, each ambiguous listing with why; nothing before the
 * first inventory.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { BADGE_HELP } from "../../worker/products/badge";
import { type LinkDecision, LinkingSummary } from "../../web/pages/products/linking";

const noDecision = async () => {};

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
					ambiguousListings: [{ tiktokProductId: "1729", skus: ["MUG-1"], reason, candidates: [] }],
				}}
				decide={noDecision}
			/>,
		);
		const card = screen.getByRole("region", { name: "Already on TikTok Shop" });
		expect(card.textContent).toContain("20 Linked");
		expect(card.textContent).toContain("1 Ambiguous");
		expect(card.textContent).toContain("3 On TikTok only");
		expect(card.textContent).toContain(BADGE_HELP.linked);
		const items = within(screen.getByRole("list", { name: "Ambiguous TikTok listings" })).getAllByRole("listitem");
		expect(items.map((li) => li.textContent?.startsWith(`TikTok listing 1729 (MUG-1): ${reason}`))).toEqual([true]);
	});

	it("shows nothing before the first inventory found anything", () => {
		const { container } = render(
			<LinkingSummary found={{ linked: 0, ambiguous: 0, onTikTokOnly: 0, inventoryAt: null, ambiguousListings: [] }} decide={noDecision} />,
		);
		expect(container.innerHTML).toBe("");
	});

	it("shows nothing when the inventory found nothing on TikTok", () => {
		const { container } = render(
			<LinkingSummary found={{ linked: 0, ambiguous: 0, onTikTokOnly: 0, inventoryAt: 1, ambiguousListings: [] }} decide={noDecision} />,
		);
		expect(container.innerHTML).toBe("");
	});

	it("shows the Shopify products an ambiguous listing could be, and sends the merchant's link or skip for that listing", async () => {
		const decisions: [string, LinkDecision][] = [];
		render(
			<LinkingSummary
				found={{
					linked: 0,
					ambiguous: 1,
					onTikTokOnly: 0,
					inventoryAt: 1,
					ambiguousListings: [
						{
							tiktokProductId: "1729",
							skus: ["MUG-1"],
							reason: "Seller SKU MUG-1 belongs to 2 Shopify products.",
							candidates: [
								{ id: "11", title: "Blue mug" },
								{ id: "12", title: "Red mug" },
							],
						},
					],
				}}
				decide={async (id, decision) => {
					decisions.push([id, decision]);
				}}
			/>,
		);
		const item = within(screen.getByRole("list", { name: "Ambiguous TikTok listings" })).getByRole("listitem");
		expect(
			within(item)
				.getAllByRole("button")
				.map((b) => b.textContent),
		).toEqual(["Link to Blue mug", "Link to Red mug", "Skip: not one of my products"]);
		fireEvent.click(within(item).getByRole("button", { name: "Link to Red mug" }));
		await waitFor(() => expect(decisions).toEqual([["1729", { action: "link", productId: "12" }]]));
		fireEvent.click(within(item).getByRole("button", { name: "Skip: not one of my products" }));
		await waitFor(() =>
			expect(decisions).toEqual([
				["1729", { action: "link", productId: "12" }],
				["1729", { action: "skip" }],
			]),
		);
	});
});
