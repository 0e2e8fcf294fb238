/**
 * What the app found already on TikTok Shop: products linked to listings they
 * already had (never created twice), listings it could not tie to one product
 * (ambiguous, with why), and listings that match no Shopify product.
 */
import { BADGE_HELP } from "../../../worker/products/badge";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/error-note";
import { api, call } from "../../lib/api";
import { runs } from "../../lib/runs";
import { catalogVersion } from "../../lib/session";
import { useAction } from "../../lib/use-action";
import { useAsync } from "../../lib/use-async";

export type Found = {
	linked: number;
	ambiguous: number;
	onTikTokOnly: number;
	inventoryAt: number | null;
	ambiguousListings: AmbiguousListing[];
};

type AmbiguousListing = {
	tiktokProductId: string;
	skus: string[];
	reason: string | null;
	candidates: { id: string; title: string }[];
};
export type LinkDecision = { action: "link"; productId: string } | { action: "skip" };
type Decide = (tiktokProductId: string, decision: LinkDecision) => Promise<unknown>;

export function LinkingCard() {
	const state = useAsync(() => call(api.linking.$get()), [catalogVersion.value, runs.value]);
	const decide: Decide = async (id, decision) => {
		await call(api.linking[":id"].$post({ param: { id }, json: decision }));
		await state.reload();
	};
	return state.data ? <LinkingSummary found={state.data} decide={decide} /> : null;
}

/** One ambiguous listing: its TikTok side, the Shopify products that share its SKUs, and the merchant's choice. */
function AmbiguousItem({ listing, decide }: { listing: AmbiguousListing; decide: Decide }) {
	const deciding = useAction((decision: LinkDecision) => decide(listing.tiktokProductId, decision));
	return (
		<li>
			TikTok listing {listing.tiktokProductId} ({listing.skus.join(", ")}): {listing.reason}
			<div class="inline">
				{listing.candidates.map((p) => (
					<Button key={p.id} disabled={deciding.busy} onClick={() => void deciding.run({ action: "link", productId: p.id })}>
						Link to {p.title}
					</Button>
				))}
				<Button disabled={deciding.busy} onClick={() => void deciding.run({ action: "skip" })}>
					Skip: not one of my products
				</Button>
			</div>
			<ErrorNote error={deciding.error} />
		</li>
	);
}

export function LinkingSummary({ found, decide }: { found: Found; decide: Decide }) {
	// A shop with nothing on TikTok before the app (the common case) sees no card at all.
	if (found.linked + found.ambiguous + found.onTikTokOnly === 0) return null;
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
				for them until you link each to its product, or skip it. On TikTok only: listings whose SKUs match no Shopify product; the app
				leaves them alone.
			</p>
			{found.ambiguousListings.length > 0 && (
				<ul aria-label="Ambiguous TikTok listings">
					{found.ambiguousListings.map((l) => (
						<AmbiguousItem key={l.tiktokProductId} listing={l} decide={decide} />
					))}
				</ul>
			)}
		</section>
	);
}
