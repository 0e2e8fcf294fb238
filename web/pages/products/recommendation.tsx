/** The store-level recommendation: TikTok's category for each of the main product types. */
import { api, call } from "../../lib/api";
import { pathText, plural } from "../../lib/format";
import { catalogImport, catalogVersion } from "../../lib/session";
import { useAsync } from "../../lib/use-async";

export function StoreRecommendationCard() {
	// Asked only once the catalogue is imported: TikTok's answer is kept for an hour, so a half-imported store would skew it.
	const importing = catalogImport.value?.status === "running";
	const state = useAsync(() => call(api.categories["store-recommendation"].$get()), [catalogVersion.value], { enabled: !importing });
	if (importing) return null;
	// Not connected yet, or TikTok did not answer: the card is a suggestion, so it stays out of the way.
	if (state.error) return null;
	const list = state.data?.recommendations ?? [];
	if (state.loading && !state.data) {
		return (
			<section class="card" aria-busy="true">
				<h2>Recommended TikTok categories</h2>
				<p class="muted">Asking TikTok Shop about your main products…</p>
			</section>
		);
	}
	if (!list.length) return null;
	return (
		<section class="card" aria-labelledby="rec-title">
			<h2 id="rec-title">Recommended TikTok categories</h2>
			<p class="muted">For your main products, TikTok Shop suggests:</p>
			<ul class="plain-list">
				{list.map((r) => (
					<li key={r.categoryId}>
						<strong>{r.productType ?? "Other"}</strong> ({plural(r.products, "product")}): {pathText(r.path)}
					</li>
				))}
			</ul>
			<p>
				<a href="#/templates">View category templates</a>
			</p>
		</section>
	);
}
