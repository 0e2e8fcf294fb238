/**
 * What the app found already on TikTok Shop: products linked to listings they
 * already had (never created twice), listings it could not tie to one product
 * (ambiguous, with why), and listings that match no Shopify product.
 */
import { BADGE_HELP } from "../../../worker/products/badge";
import { api, call } from "../../lib/api";
import { runs } from "../../lib/runs";
import { catalogVersion } from "../../lib/session";
import { useAsync } from "../../lib/use-async";

export type Found = {
	linked: number;
	ambiguous: number;
	onTikTokOnly: number;
	inventoryAt: number | null;
	ambiguousListings: { tiktokProductId: string; skus: string[]; reason: string | null }[];
};

export function LinkingCard() {
	const state = useAsync(() => call(api.linking.$get()), [catalogVersion.value, runs.value]);
	return state.data ? <LinkingSummary found={state.data} /> : null;
}

export function LinkingSummary({ found }: { found: Found }) {
	if (found.inventoryAt === null && found.linked + found.ambiguous + found.onTikTokOnly === 0) return null;
	return (
		<section class="card" aria-labelledby="linking-title">
			<h2 id="linking-title">Already on TikTok Shop</h2>
			<ul class="inline-stats">
				<li>
					<strong>{found.linked.toLocaleString("en-US")}</strong> Linked
				</li>
				<li>
					<strong>{found.ambiguous.toLocaleString("en-US")}</strong> Ambiguous
				</li>
				<li>
					<strong>{found.onTikTokOnly.toLocaleString("en-US")}</strong> On TikTok only
				</li>
			</ul>
			<p class="muted">
				{BADGE_HELP.linked} Ambiguous listings share seller SKUs with several Shopify products, or only some of theirs: nothing is created
				for them until each product has its own SKUs. On TikTok only: listings whose SKUs match no Shopify product; the app leaves them
				alone.
			</p>
			{found.ambiguousListings.length > 0 && (
				<ul aria-label="Ambiguous TikTok listings">
					{found.ambiguousListings.map((l) => (
						<li key={l.tiktokProductId}>
							TikTok listing {l.tiktokProductId} ({l.skus.join(", ")}): {l.reason}
						</li>
					))}
				</ul>
			)}
		</section>
	);
}
