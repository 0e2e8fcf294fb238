/**
 * Products: every product with its sync badge and claiming template; search,
 * filters by badge and template, paging; select products and sync them with a
 * form pre-filled from their template; a failed badge opens the reason.
 */
import { useEffect, useState } from "preact/hooks";
import { BADGE_LABELS, BADGES, type Badge } from "../../../worker/products/badge";
import { Button } from "../../components/button";
import { ErrorNote, Loading } from "../../components/error-note";
import { SyncProgress } from "../../components/sync-progress";
import { type ApiError, asApiError, get, post, query } from "../../lib/api";
import { lazyComponent } from "../../lib/lazy";
import { anyActive, kickRuns, runs } from "../../lib/runs";
import { catalogVersion } from "../../lib/session";
import { useAsync, useDebounced } from "../../lib/use-async";
import type { ProductRow, TemplateView } from "../../lib/types";
import { FailureDialog } from "./failure";
import { StoreRecommendationCard } from "./recommendation";
import { ProductTable } from "./table";

const SyncForm = lazyComponent<{ productIds: string[]; onClose: () => void; onQueued: () => void }>(() => import("./sync-form").then((m) => m.SyncForm));
const PAGE_SIZE = 25;

export function ProductsPage() {
	const [q, setQ] = useState("");
	const [badge, setBadge] = useState<Badge | "">("");
	const [templateId, setTemplateId] = useState("");
	const [offset, setOffset] = useState(0);
	const [selected, setSelected] = useState<Set<string>>(new Set());
	const [failure, setFailure] = useState<ProductRow | null>(null);
	const [syncing, setSyncing] = useState(false);
	const [notice, setNotice] = useState<string | null>(null);
	const [resyncBusy, setResyncBusy] = useState(false);
	const [resyncError, setResyncError] = useState<ApiError | null>(null);
	const search = useDebounced(q.trim(), 300);
	const templates = useAsync(() => get<{ templates: TemplateView[] }>("/api/templates"), []);
	const list = useAsync(
		async () => ({
			// Which filters this page of results answers, so the list can say what it shows (and tests can wait for it).
			shown: { search, badge },
			...(await get<{ products: ProductRow[]; total: number }>(`/api/products${query({ q: search, badge, templateId, limit: PAGE_SIZE, offset })}`)),
		}),
		[search, badge, templateId, offset, catalogVersion.value],
	);
	useEffect(() => setOffset(0), [search, badge, templateId]);
	// While a sync runs, the badges follow it: reload the page of products on each progress update.
	const runsValue = runs.value;
	const [wasActive, setWasActive] = useState(false);
	useEffect(() => {
		const active = anyActive();
		if (active || wasActive) void list.reload();
		setWasActive(active);
	}, [runsValue]);

	const products = list.data?.products ?? [];
	const total = list.data?.total ?? 0;
	const toggle = (id: string, on: boolean) => {
		const next = new Set(selected);
		if (on) next.add(id);
		else next.delete(id);
		setSelected(next);
	};
	const toggleAll = (on: boolean) => {
		const next = new Set(selected);
		for (const p of products) if (on) next.add(p.id);
		else next.delete(p.id);
		setSelected(next);
	};
	const resyncAllFailed = async () => {
		setResyncBusy(true);
		setResyncError(null);
		try {
			const result = await post<{ queued: number; edits: number }>("/api/products/resync", { allFailed: true });
			setNotice(`${result.queued + result.edits} failed products queued for a new sync.`);
			kickRuns();
			void list.reload();
		} catch (e) {
			setResyncError(asApiError(e));
		} finally {
			setResyncBusy(false);
		}
	};
	const filtered = !!(search || badge || templateId);
	return (
		<>
			<div class="page-head">
				<h1 class="page-title">Products</h1>
				<a href="#/templates">View category templates</a>
			</div>
			<SyncProgress />
			<StoreRecommendationCard />
			{notice && (
				<p class="banner banner-success" role="status">
					{notice}
				</p>
			)}
			<section class="card" aria-labelledby="products-title" aria-busy={list.loading ? "true" : "false"} data-search={list.data?.shown.search} data-badge={list.data?.shown.badge}>
				<h2 id="products-title" class="visually-hidden">
					All products
				</h2>
				<div class="filters" role="search">
					<label class="grow">
						<span class="visually-hidden">Search products</span>
						<input type="search" placeholder="Search by title or SKU" value={q} onInput={(e) => setQ(e.currentTarget.value)} aria-label="Search products" />
					</label>
					<label>
						<span class="label-inline">Status</span>
						<select value={badge} onChange={(e) => setBadge(e.currentTarget.value as Badge | "")}>
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
						<select value={templateId} onChange={(e) => setTemplateId(e.currentTarget.value)}>
							<option value="">All</option>
							{(templates.data?.templates ?? []).map((t) => (
								<option key={t.id} value={t.id}>
									{t.name}
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
							<Button onClick={() => setSelected(new Set())}>Clear selection</Button>
							<Button variant="primary" onClick={() => setSyncing(true)}>
								Sync {selected.size} {selected.size === 1 ? "product" : "products"}
							</Button>
						</>
					)}
					<Button busy={list.loading && !!list.data} busyLabel="Refreshing…" onClick={() => void list.reload()}>
						Refresh
					</Button>
					{badge === "failed" && total > 0 && (
						<Button busy={resyncBusy} busyLabel="Re-syncing…" onClick={resyncAllFailed}>
							Re-sync all failed
						</Button>
					)}
				</div>
				<ErrorNote error={resyncError} />
				{list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
				{list.loading && !list.data && <Loading />}
				{list.data && !products.length && <p class="empty">{filtered ? "No products match these filters." : "No products yet. They appear here once your Shopify catalogue is imported."}</p>}
				{products.length > 0 && <ProductTable products={products} selected={selected} onToggle={toggle} onToggleAll={toggleAll} onOpenFailure={setFailure} />}
				{total > PAGE_SIZE && (
					<nav class="pager" aria-label="Pages">
						<Button disabled={offset === 0 || list.loading} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
							Previous
						</Button>
						<span>
							{offset + 1}–{Math.min(offset + PAGE_SIZE, total)} of {total.toLocaleString("en-US")}
						</span>
						<Button disabled={offset + PAGE_SIZE >= total || list.loading} onClick={() => setOffset(offset + PAGE_SIZE)}>
							Next
						</Button>
					</nav>
				)}
			</section>
			{failure && <FailureDialog product={failure} onClose={() => setFailure(null)} onResynced={() => void list.reload()} />}
			{syncing && (
				<SyncForm
					productIds={[...selected]}
					onClose={() => setSyncing(false)}
					onQueued={() => {
						setSyncing(false);
						setSelected(new Set());
						setNotice("The selected products are queued for syncing.");
						kickRuns();
						void list.reload();
					}}
				/>
			)}
		</>
	);
}
