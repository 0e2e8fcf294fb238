/**
 * Select a category: the current choice (with the invite-only warning and
 * "Apply now"), TikTok's suggestion, a search, and the tree to browse. Only
 * leaves the shop may list in can be chosen; the others say why.
 */
import { useSignal } from "@preact/signals";
import { Tag } from "../../components/badge";
import { ErrorNote, Loading } from "../../components/error-note";
import { FieldError } from "../../components/field";
import { api, call, query } from "../../lib/api";
import { pathText } from "../../lib/format";
import { useAsync, useDebounced } from "../../lib/use-async";
import type { CategoryNodeView, PathNode } from "../../lib/types";
import { CategorySuggestion, type Suggestion } from "./category-suggest";

export type ChosenCategory = { id: string; path: PathNode[]; inviteOnly: boolean; applyUrl: string | null };
type Props = {
	value: ChosenCategory | null;
	onSelect: (c: ChosenCategory) => void;
	samples: { id: string; title: string }[];
	samplesPending?: boolean;
	error?: string;
};

function whyNot(node: CategoryNodeView): string | null {
	if (node.permissionStatuses.includes("PROHIBITED")) return "Prohibited for your shop";
	if (node.permissionStatuses.includes("NON_MAIN_CATEGORY")) return "Outside your shop's main category";
	if (!node.isLeaf) return null;
	return node.selectable ? null : "Not available";
}

export function InviteOnlyWarning({ applyUrl }: { applyUrl: string | null }) {
	return (
		<p class="banner banner-attention">
			This category is invite-only: TikTok accepts listings in it only after your shop is approved.{" "}
			{applyUrl && (
				<a href={applyUrl} target="_blank" rel="noopener noreferrer">
					Apply now
				</a>
			)}
		</p>
	);
}

function NodeList({
	nodes,
	onOpen,
	onSelect,
}: {
	nodes: CategoryNodeView[];
	onOpen?: (n: CategoryNodeView) => void;
	onSelect: (n: CategoryNodeView) => void;
}) {
	return (
		<ul class="category-list">
			{nodes.map((n) => {
				const reason = whyNot(n);
				return (
					<li key={n.id}>
						<span class="grow">
							{onOpen ? n.name : pathText(n.path)} {n.inviteOnly && <Tag tone="attention">Invite-only</Tag>}{" "}
							{reason && <span class="muted small">({reason})</span>}
							{!n.isLeaf && !onOpen && !reason && <span class="muted small">(a group: choose one of its sub-categories)</span>}
							{n.inviteOnly && n.applyUrl && (
								<>
									{" "}
									<a href={n.applyUrl} target="_blank" rel="noopener noreferrer" class="small">
										Apply now
									</a>
								</>
							)}
						</span>
						{!n.isLeaf && onOpen && !reason ? (
							<button type="button" class="btn btn-plain" onClick={() => onOpen(n)} aria-label={`Open ${n.name}`}>
								Open ›
							</button>
						) : n.isLeaf ? (
							<button
								type="button"
								class="btn btn-secondary"
								disabled={!n.selectable}
								onClick={() => onSelect(n)}
								aria-label={`Select ${pathText(n.path)}`}
							>
								Select
							</button>
						) : null}
					</li>
				);
			})}
		</ul>
	);
}

function Browse({ onSelect }: { onSelect: (n: CategoryNodeView) => void }) {
	const trail = useSignal<PathNode[]>([]);
	const parentId = trail.value.at(-1)?.id;
	const state = useAsync(() => call(api.categories.$get({ query: query({ parentId, limit: 200 }) })), [parentId]);
	return (
		<div class="browse">
			<nav aria-label="Category path" class="crumbs">
				<button type="button" class="btn btn-plain" disabled={!trail.value.length} onClick={() => (trail.value = [])}>
					All categories
				</button>
				{trail.value.map((t, i) => (
					<span key={t.id}>
						{" › "}
						<button
							type="button"
							class="btn btn-plain"
							disabled={i === trail.value.length - 1}
							onClick={() => (trail.value = trail.value.slice(0, i + 1))}
						>
							{t.name}
						</button>
					</span>
				))}
			</nav>
			{state.error && <ErrorNote error={state.error} onRetry={state.reload} />}
			{state.loading ? (
				<Loading />
			) : (
				state.data && (
					<NodeList
						nodes={state.data.categories}
						onOpen={(n) => (trail.value = [...trail.value, { id: n.id, name: n.name }])}
						onSelect={onSelect}
					/>
				)
			)}
		</div>
	);
}

export function CategoryPicker({ value, onSelect, samples, samplesPending, error }: Props) {
	const keyword = useSignal("");
	const browsing = useSignal(false);
	const search = useDebounced(keyword.value.trim(), 300);
	const results = useAsync(() => call(api.categories.$get({ query: query({ keyword: search, limit: 30 }) })), [search], {
		enabled: !!search,
	});
	const choose = (n: CategoryNodeView | Suggestion) => {
		onSelect({ id: n.id, path: n.path, inviteOnly: n.inviteOnly, applyUrl: n.applyUrl });
		keyword.value = "";
		browsing.value = false;
	};
	return (
		<div class="category-picker">
			<div class="selected-category" id="category-selected">
				{value ? (
					<p>
						Selected: <strong>{pathText(value.path)}</strong>
					</p>
				) : (
					<p class="muted">No category selected yet.</p>
				)}
				{value?.inviteOnly && <InviteOnlyWarning applyUrl={value.applyUrl} />}
				<FieldError id="category" message={error} />
			</div>
			{samplesPending ? (
				<Loading label="Finding a sample product for TikTok's suggestion…" />
			) : (
				<CategorySuggestion samples={samples} auto={!value} selectedId={value?.id ?? null} onAccept={choose} />
			)}
			<div class="field">
				<label for="category-search">Search categories</label>
				<input
					id="category-search"
					type="search"
					placeholder="e.g. t-shirts"
					value={keyword.value}
					onInput={(e) => (keyword.value = e.currentTarget.value)}
					// Enter searches (it already does as one types); it must not submit the template form around it.
					onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
				/>
			</div>
			{search &&
				(results.loading ? (
					<Loading label="Searching…" />
				) : results.error ? (
					<ErrorNote error={results.error} />
				) : (
					results.data &&
					(results.data.categories.length ? (
						<NodeList nodes={results.data.categories} onSelect={choose} />
					) : (
						<p class="muted">No category matches “{search}”.</p>
					))
				))}
			<button type="button" class="btn btn-plain" aria-expanded={browsing.value} onClick={() => (browsing.value = !browsing.value)}>
				{browsing.value ? "Hide the category tree" : "Browse all categories"}
			</button>
			{browsing.value && <Browse onSelect={choose} />}
		</div>
	);
}
