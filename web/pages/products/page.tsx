/**
 * Products: every product with its sync badge and claiming template; search,
 * filters by badge and template, paging; select products and sync them with a
 * form pre-filled from their template; a failed badge opens the reason.
 */
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { BADGE_LABELS, BADGES, type Badge } from "../../../worker/products/badge";
import { Button } from "../../components/button";
import { ErrorNote, Loading } from "../../components/error-note";
import { SyncProgress } from "../../components/sync-progress";
import { api, call, query } from "../../lib/api";
import { lazyComponent } from "../../lib/lazy";
import { anyActive, kickRuns, runs } from "../../lib/runs";
import { catalogVersion } from "../../lib/session";
import { useAction } from "../../lib/use-action";
import { useAsync, useDebounced } from "../../lib/use-async";
import type { ProductRow } from "../../lib/types";
import { FailureDialog } from "./failure";
import { LinkingCard } from "./linking";
import { StoreRecommendationCard } from "./recommendation";
import { ProductTable } from "./table";

const SyncForm = lazyComponent<{ productIds: string[]; onClose: () => void; onQueued: () => void }>(() =>
	import("./sync-form").then((m) => m.SyncForm),
);
const PAGE_SIZE = 25;

export function ProductsPage() {
	const q = useSignal("");
	const badgeFilter = useSignal<Badge | "">("");
	const templateFilter = useSignal("");
	const page = useSignal(0);
	const chosen = useSignal<Set<string>>(new Set());
	const failure = useSignal<ProductRow | null>(null);
	const syncing = useSignal(false);
	const notice = useSignal<string | null>(null);
	const [badge, templateId, offset, selected] = [badgeFilter.value, templateFilter.value, page.value, chosen.value];
	const search = useDebounced(q.value.trim(), 300);
	const templates = useAsync(() => call(api.templates.$get()), []);
	const list = useAsync(
		async () => ({
			// Which filters this page of results answers, so the list can say what it shows (and tests can wait for it).
			shown: { search, badge },
			...(await call(api.products.$get({ query: query({ q: search, badge, templateId, limit: PAGE_SIZE, offset }) }))),
		}),
		[search, badge, templateId, offset, catalogVersion.value],
	);
	useEffect(() => {
		page.value = 0;
	}, [search, badge, templateId]);
	// While a sync runs, the badges follow it: reload the page of products on each progress update.
	const runsValue = runs.value;
	const wasActive = useRef(false);
	useEffect(() => {
		const active = anyActive();
		if (active || wasActive.current) void list.reload();
		wasActive.current = active;
	}, [runsValue]);

	const products = list.data?.products ?? [];
	const total = list.data?.total ?? 0;
	const toggle = (id: string, on: boolean) => {
		const next = new Set(selected);
		if (on) next.add(id);
		else next.delete(id);
		chosen.value = next;
	};
	const toggleAll = (on: boolean) => {
		const next = new Set(selected);
		for (const p of products)
			if (on) next.add(p.id);
			else next.delete(p.id);
		chosen.value = next;
	};
	const resync = useAction(async () => {
		const result = await call(api.products.resync.$post({ json: { allFailed: true } }));
		notice.value = `${result.queued + result.edits} failed products queued for a new sync.`;
		kickRuns();
		void list.reload();
	});
	const resyncAllFailed = () => void resync.run();
	const filtered = !!(search || badge || templateId);
	return (
		<>
			<div class="page-head">
				<h1 class="page-title">Products</h1>
				<a href="#/templates">View category templates</a>
			</div>
			<SyncProgress />
			<StoreRecommendationCard />
			<LinkingCard />
			{notice.value && (
				<p class="banner banner-success" role="status">
					{notice.value}
				</p>
			)}
			<section
				class="card"
				aria-labelledby="products-title"
				aria-busy={list.loading ? "true" : "false"}
				data-search={list.data?.shown.search}
				data-badge={list.data?.shown.badge}
			>
				<h2 id="products-title" class="visually-hidden">
					All products
				</h2>
				{/* biome-ignore lint/a11y/useSemanticElements: Preact's JSX types have no <search> element yet */}
				<div class="filters" role="search">
					<label class="grow">
						<span class="visually-hidden">Search products</span>
						<input
							type="search"
							placeholder="Search by title or SKU"
							value={q.value}
							onInput={(e) => (q.value = e.currentTarget.value)}
							aria-label="Search products"
						/>
					</label>
					<label>
						<span class="label-inline">Status</span>
						<select value={badge} onChange={(e) => (badgeFilter.value = e.currentTarget.value as Badge | "")}>
							<option value="">All</option>
							{BADGES.map((b) => (
								<option key={b} value={b}>
									{BADGE_LABELS[b]}
								</option>
							))}
						</select>
					</label>
					<label>
						<span class="label-inline">Template</span>
						<select value={templateId} onChange={(e) => (templateFilter.value = e.currentTarget.value)}>
							<option value="">All</option>
							{(templates.data?.templates ?? []).map((t) => (
								<option key={t.id} value={t.id}>
									{t.isActive ? t.name : `${t.name}, manual sync only`}
								</option>
							))}
						</select>
					</label>
				</div>
				<div class="toolbar">
					<span class="muted" role="status">
						{selected.size ? `${selected.size} selected` : list.data ? `${total.toLocaleString("en-US")} products` : ""}
					</span>
					{selected.size > 0 && (
						<>
							<Button onClick={() => (chosen.value = new Set())}>Clear selection</Button>
							<Button variant="primary" onClick={() => (syncing.value = true)}>
								Sync {selected.size} {selected.size === 1 ? "product" : "products"}
							</Button>
						</>
					)}
					<Button busy={list.loading && !!list.data} busyLabel="Refreshing…" onClick={() => void list.reload()}>
						Refresh
					</Button>
					{badge === "failed" && total > 0 && (
						<Button busy={resync.busy} busyLabel="Re-syncing…" onClick={resyncAllFailed}>
							Re-sync all failed
						</Button>
					)}
				</div>
				<ErrorNote error={resync.error} />
				{list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
				{list.loading && !list.data && <Loading />}
				{list.data && !products.length && (
					<p class="empty">
						{filtered ? "No products match these filters." : "No products yet. They appear here once your Shopify catalogue is imported."}
					</p>
				)}
				{products.length > 0 && (
					<ProductTable
						products={products}
						selected={selected}
						onToggle={toggle}
						onToggleAll={toggleAll}
						onOpenFailure={(p) => (failure.value = p)}
					/>
				)}
				{total > PAGE_SIZE && (
					<nav class="pager" aria-label="Pages">
						<Button disabled={offset === 0 || list.loading} onClick={() => (page.value = Math.max(0, offset - PAGE_SIZE))}>
							Previous
						</Button>
						<span>
							{offset + 1}–{Math.min(offset + PAGE_SIZE, total)} of {total.toLocaleString("en-US")}
						</span>
						<Button disabled={offset + PAGE_SIZE >= total || list.loading} onClick={() => (page.value = offset + PAGE_SIZE)}>
							Next
						</Button>
					</nav>
				)}
			</section>
			{failure.value && (
				<FailureDialog product={failure.value} onClose={() => (failure.value = null)} onResynced={() => void list.reload()} />
			)}
			{syncing.value && (
				<SyncForm
					productIds={[...selected]}
					onClose={() => (syncing.value = false)}
					onQueued={() => {
						syncing.value = false;
						chosen.value = new Set();
						notice.value = "The selected products are queued for syncing.";
						kickRuns();
						void list.reload();
					}}
				/>
			)}
		</>
	);
}
