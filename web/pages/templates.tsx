/**
 * Category templates: default first, then by priority (up/down to reorder,
 * keyboard accessible), each with its active state, category path and product
 * count; overlap warnings; create, duplicate and delete.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { Tag } from "../components/badge";
import { Button } from "../components/button";
import { ErrorNote, Loading } from "../components/error-note";
import { SyncProgress } from "../components/sync-progress";
import { api, call } from "../lib/api";
import { pathText, plural } from "../lib/format";
import { navigate } from "../lib/router";
import { templateNames } from "../lib/runs";
import { useAction } from "../lib/use-action";
import { useAsync } from "../lib/use-async";
import type { TemplateView } from "../lib/types";

function Overlaps({ templates, version }: { templates: TemplateView[]; version: number }) {
	const state = useAsync(() => call(api.templates.overlaps.$get()), [version]);
	const name = (id: string) => templates.find((t) => t.id === id)?.name ?? "A template";
	if (state.error) return <ErrorNote error={state.error} title="Overlaps could not be checked." />;
	const overlaps = state.data?.overlaps ?? [];
	if (!overlaps.length) return null;
	return (
		<div class="banner banner-attention" role="status">
			<p>
				<strong>Some templates select the same products.</strong> An active template takes them before an inactive one; otherwise the higher
				one in the list does.
			</p>
			<ul>
				{overlaps.map((o) => (
					<li key={`${o.winnerId}-${o.loserId}`}>
						“{name(o.winnerId)}” and “{name(o.loserId)}” both select {plural(o.common, "product")}
						{o.sample.length
							? ` (e.g. ${o.sample
									.slice(0, 3)
									.map((s) => s.title)
									.join(", ")})`
							: ""}
						; “{name(o.winnerId)}” takes them.
					</li>
				))}
			</ul>
		</div>
	);
}

function TemplateRow(props: {
	t: TemplateView;
	index: number;
	count: number;
	busy: boolean;
	onMove: (id: string, by: -1 | 1) => void;
	onChanged: () => void;
}) {
	const { t, index, count, busy, onMove, onChanged } = props;
	const param = { id: t.id };
	const duplicating = useAction(async () => navigate(`/templates/${(await call(api.templates[":id"].duplicate.$post({ param }))).id}`));
	const deleting = useAction(async () => {
		await call(api.templates[":id"].$delete({ param }));
		onChanged();
	});
	const error = deleting.error ?? duplicating.error;
	const remove = () => {
		if (!window.confirm(`Delete “${t.name}”? Products it listed stay on TikTok Shop.`)) return;
		duplicating.reset();
		void deleting.run();
	};
	const duplicate = () => {
		deleting.reset();
		void duplicating.run();
	};
	return (
		<li class="template-row" data-template-id={t.id}>
			<div class="template-main">
				<p>
					<a href={`#/templates/${t.id}`}>
						<strong>{t.name}</strong>
					</a>{" "}
					{t.isDefault && <Tag tone="info">Default</Tag>} {t.isActive ? <Tag tone="success">Active</Tag> : <Tag>Inactive</Tag>}{" "}
					{t.category?.inviteOnly && <Tag tone="attention">Invite-only category</Tag>}
				</p>
				<p class="muted">{t.category ? pathText(t.category.path) : "No category yet"}</p>
				<p class="muted small">
					{t.productCount == null ? "" : `${plural(t.productCount, "product")}${t.isActive ? "" : " when active"}`}
					{t.isDefault
						? " · every product no other template claims"
						: ` · ${t.match === "any" ? "any" : "all"} of ${plural(t.rules.length, "rule")}`}
				</p>
				<ErrorNote error={error} />
			</div>
			<div class="template-actions">
				{!t.isDefault && (
					<>
						<Button variant="plain" aria-label={`Move “${t.name}” up`} disabled={busy || index === 0} onClick={() => onMove(t.id, -1)}>
							↑
						</Button>
						<Button
							variant="plain"
							aria-label={`Move “${t.name}” down`}
							disabled={busy || index === count - 1}
							onClick={() => onMove(t.id, 1)}
						>
							↓
						</Button>
					</>
				)}
				<Button variant="plain" busy={duplicating.busy} onClick={duplicate} aria-label={`Duplicate “${t.name}”`}>
					Duplicate
				</Button>
				<Button variant="plain" busy={deleting.busy} onClick={remove} aria-label={`Delete “${t.name}”`}>
					Delete
				</Button>
			</div>
		</li>
	);
}

export function TemplatesPage() {
	const state = useAsync(() => call(api.templates.$get()), []);
	const order = useSignal<TemplateView[] | null>(null);
	const version = useSignal(0);
	const templates = order.value ?? state.data?.templates ?? [];
	useEffect(() => {
		order.value = null;
		if (state.data)
			templateNames.value = { ...templateNames.value, ...Object.fromEntries(state.data.templates.map((t) => [t.id, t.name])) };
	}, [state.data]);

	const specific = templates.filter((t) => !t.isDefault);
	const reorder = useAction(async (templateIds: string[]) => {
		await call(api.templates.reorder.$post({ json: { templateIds } }));
		version.value++;
	});
	const move = async (id: string, by: -1 | 1) => {
		const i = specific.findIndex((t) => t.id === id);
		const next = [...specific];
		[next[i], next[i + by]] = [next[i + by], next[i]];
		const previous = templates;
		order.value = [...templates.filter((t) => t.isDefault), ...next];
		await reorder.run(next.map((t) => t.id));
		if (reorder.error) order.value = previous;
		// Keep the keyboard on the moved template: the same arrow, or the other one once it reached an end.
		requestAnimationFrame(() => {
			const buttons = (word: string) =>
				document.querySelector<HTMLButtonElement>(`[data-template-id="${id}"] button[aria-label$="${word}"]:not([disabled])`);
			(buttons(by < 0 ? " up" : " down") ?? buttons(by < 0 ? " down" : " up"))?.focus();
		});
	};
	const hasDefault = state.data?.hasDefault ?? false;
	return (
		<>
			<div class="page-head">
				<h1 class="page-title">Category templates</h1>
				<a class="btn btn-primary" href="#/templates/new">
					Create category template
				</a>
			</div>
			<SyncProgress />
			{state.error && <ErrorNote error={state.error} onRetry={state.reload} />}
			{state.loading && !state.data && <Loading />}
			{state.data && !templates.length && (
				<section class="card">
					<h2>No category templates yet</h2>
					<p>
						Start with a default template: it lists every product that no other template claims, in one TikTok category with its attributes
						and shipping settings.
					</p>
				</section>
			)}
			{state.data && templates.length > 0 && (
				<section class="card" aria-labelledby="list-title">
					<h2 id="list-title">Templates</h2>
					<p class="muted">
						{hasDefault
							? "Products go to the first matching template from the top; the default template takes the rest."
							: "There is no default template yet: products no template claims are not listed."}
					</p>
					<Overlaps key={(state.data?.templates ?? []).map((t) => t.id).join()} templates={templates} version={version.value} />
					<ErrorNote error={reorder.error} title="The new order was not saved." />
					<ul class="template-list">
						{templates
							.filter((t) => t.isDefault)
							.map((t) => (
								<TemplateRow key={t.id} t={t} index={0} count={1} busy onMove={move} onChanged={state.reload} />
							))}
						{specific.map((t, i) => (
							<TemplateRow key={t.id} t={t} index={i} count={specific.length} busy={reorder.busy} onMove={move} onChanged={state.reload} />
						))}
					</ul>
				</section>
			)}
		</>
	);
}
