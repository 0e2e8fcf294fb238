/**
 * TikTok's warnings on a listed product show in the Products table as a warning
 * badge naming the field, with TikTok's own text; no warnings, nothing shown.
 */
import { cleanup, render, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { ListingWarnings } from "../../web/pages/products/warnings";

const brand =
	"The [brand_id]:7000000000000000001 field is incorrect and has been automatically cleared by the system. Reason: [Brand does not exist]. You can edit it later.";

afterEach(cleanup);

describe("listing warnings", () => {
	it("shows each warning with its field and TikTok's text", () => {
		render(
			<ListingWarnings
				warnings={[
					{ field: "brand_id", message: brand },
					{ field: null, message: "Something TikTok changed." },
				]}
			/>,
		);
		const items = within(screen.getByRole("list", { name: "TikTok's warnings" })).getAllByRole("listitem");
		expect(items.map((li) => li.textContent)).toEqual([`Warning: brand_id ${brand}`, "Warning Something TikTok changed."]);
	});

	it("shows nothing when TikTok's answer was clean", () => {
		const { container } = render(<ListingWarnings warnings={[]} />);
		expect(container.innerHTML).toBe("");
	});
});
