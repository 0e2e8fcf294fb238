/**
 * The template form, one page of sections: name, category, attributes and
 * certifications, rules with preview (not on the default template), shipping,
 * additional info, readiness, save, and the activation switch. Local checks run
 * as the merchant types; the server's issues land next to the field they name.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { Button } from "../../components/button";
import { ErrorNote, Loading } from "../../components/error-note";
import { Field } from "../../components/field";
import { api, call, messageAt } from "../../lib/api";
import { flash, takeFlash } from "../../lib/flash";
import { navigate } from "../../lib/router";
import { templateNames } from "../../lib/runs";
import { useAsync } from "../../lib/use-async";
import type { FieldIssue, PreviewProduct, Settings, TemplateView } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { ActivateSwitch } from "./activate";
import { AttributeForm, chosenValueIds } from "./attributes";
import { CategoryPicker } from "./category";
import { CertificationsForm } from "./certifications";
import { bodyOf, type Draft, draftOf, sameDraft } from "./draft";
import { ExtraSection } from "./extra";
import { RulePreview } from "./preview";
import { ReadinessSection } from "./readiness";
import { localRuleProblem, RuleBuilder } from "./rules";
import { shippingIssues, ShippingSection } from "./shipping";

type Props = { saved: TemplateView | null; isDefault: boolean; initial: Draft; settings: Settings; onSaved: (t: TemplateView) => void };

function Section({
	id,
	title,
	children,
	description,
}: {
	id: string;
	title: string;
	description?: string;
	children: preact.ComponentChildren;
}) {
	return (
		<section class="card" aria-labelledby={`${id}-title`} id={id}>
			<h2 id={`${id}-title`}>{title}</h2>
			{description && <p class="muted">{description}</p>}
			{children}
		</section>
	);
}

function localIssues(draft: Draft, isDefault: boolean, region: string | null): FieldIssue[] {
	const issues: FieldIssue[] = [];
	if (!draft.name.trim()) issues.push({ path: "name", message: "Give the template a name." });
	if (!isDefault)
		draft.rules.forEach((r, i) => {
			const problem = localRuleProblem(r);
			if (problem) issues.push({ path: `rules.${i}`, message: problem });
		});
	if (!isDefault && !draft.rules.length) issues.push({ path: "rules", message: "Add at least one rule." });
	return [...issues, ...shippingIssues(draft.shipping, region)];
}

export function TemplateForm({ saved, isDefault, initial, settings, onSaved }: Props) {
	const draftSignal = useSignal<Draft>(initial);
	const draft = draftSignal.value;
	const base = useSignal<Draft | null>(saved ? initial : null);
	const notice = useSignal<string | null>(null);
	const showLocal = useSignal(false);
	const previewed = useSignal<PreviewProduct[]>([]);
	const active = useSignal(saved?.isActive ?? false);
	const ruleIssues = useSignal<FieldIssue[]>([]);
	useEffect(() => {
		notice.value = takeFlash();
	}, []);
	const spec = useAsync(() => call(api.categories[":id"].$get({ param: { id: draft.category?.id ?? "" } })), [draft.category?.id], {
		enabled: !!draft.category,
	});
	const store = useAsync(() => call(api.products.$get({ query: { limit: "20" } })), []);
	// The default template's suggestion starts from the store's main product type (TikTok's store-level recommendation).
	const main = useAsync(() => call(api.categories["store-recommendation"].$get()), [], { enabled: isDefault && !saved });
	const mainType = main.data?.recommendations[0]?.productType ?? null;
	const mainProducts = useAsync(
		() =>
			call(
				api.templates.preview.$post({
					query: { limit: "10" },
					json: { match: "all", rules: [{ column: "product_type", relation: "equals", condition: mainType }] },
				}),
			),
		[mainType],
		{ enabled: !!mainType },
	);
	// Values of attributes the new category does not have are dropped once its spec arrives.
	useEffect(() => {
		const attrs = spec.data?.attributes;
		if (!attrs) return;
		const ids = new Set(attrs.map((a) => a.id));
		const certs = new Set((spec.data?.rules.product_certifications ?? []).map((c) => c.id));
		const d = draftSignal.peek();
		{
			const attributes = Object.fromEntries(Object.entries(d.attributes).filter(([id]) => ids.has(id)));
			const certifications = d.certifications.filter((c) => certs.has(c.id));
			if (Object.keys(attributes).length !== Object.keys(d.attributes).length || certifications.length !== d.certifications.length)
				draftSignal.value = { ...d, attributes, certifications };
		}
	}, [spec.data]);

	const set = (patch: Partial<Draft>) => {
		draftSignal.value = { ...draftSignal.peek(), ...patch };
		notice.value = null;
		if (patch.rules || patch.match) ruleIssues.value = [];
	};
	const saving = useAction(
		async () => {
			const json = bodyOf(draft, isDefault);
			const result = saved
				? await call(api.templates[":id"].$put({ param: { id: saved.id }, json }))
				: await call(api.templates.$post({ json }));
			templateNames.value = { ...templateNames.value, [result.id]: result.name };
			const next = draftOf(result);
			base.value = next;
			draftSignal.value = next;
			onSaved(result);
			if (!saved) {
				flash.value = result.isDefault
					? "Default template created. Check its readiness, then activate it."
					: "Template created. Check its readiness, then activate it.";
				navigate(`/templates/${result.id}`, { replace: true });
			} else notice.value = "Saved.";
		},
		{
			onError: () => {
				requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
			},
		},
	);
	const { busy, error } = saving;
	const dirty = !sameDraft(draft, base.value);
	const local = localIssues(draft, isDefault, settings.region);
	const issues = [
		...(showLocal.value ? local : local.filter((i) => i.path.startsWith("shipping."))),
		...(error?.issues ?? []),
		...ruleIssues.value,
	];
	const samplesPending = store.loading || main.loading || mainProducts.loading;
	const samples = (
		previewed.value.length
			? previewed.value
			: mainProducts.data?.products.length
				? mainProducts.data.products
				: (store.data?.products ?? [])
	).map((p) => ({ id: p.id, title: p.title }));

	const save = (event: Event) => {
		event.preventDefault();
		showLocal.value = true;
		if (local.length) {
			saving.reset();
			notice.value = null;
			document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
			return;
		}
		void saving.run();
	};
	const known = ["name", "categoryId", "attributes", "certifications", "rules", "shipping", "extra", "match"];
	const unplaced = (error?.issues ?? []).filter((i) => !known.some((k) => i.path === k || i.path.startsWith(`${k}.`)));
	const blockedReason = dirty
		? "Save your changes before activating."
		: !saved?.category
			? "Choose a category and save before activating."
			: null;
	const rules = spec.data?.rules;
	return (
		<form onSubmit={save} noValidate>
			<div class="page-head">
				<h1 class="page-title">{saved ? saved.name : isDefault ? "New default template" : "New category template"}</h1>
			</div>
			{notice.value && (
				<p class="banner banner-success" role="status">
					{notice.value}
				</p>
			)}
			<Section
				id="template"
				title="Template"
				description={
					isDefault
						? "The default template lists every product that no other template claims."
						: "This template lists the products its rules select, unless a template above it in the list claims them first."
				}
			>
				<Field id="template-name" label="Template name" required error={messageAt(issues, "name")}>
					{(wiring) => (
						<input {...wiring} type="text" maxLength={80} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />
					)}
				</Field>
				{saved && (
					<ActivateSwitch
						templateId={saved.id}
						name={saved.name}
						active={active.value}
						blockedReason={blockedReason}
						onChanged={(next) => (active.value = next)}
					/>
				)}
			</Section>
			<Section id="category" title="Select a category">
				<CategoryPicker
					value={draft.category}
					onSelect={(category) => set({ category })}
					samples={samplesPending ? [] : samples}
					samplesPending={samplesPending}
					error={messageAt(issues, "categoryId")}
				/>
			</Section>
			<Section
				id="attributes"
				title="Required product attributes"
				description="TikTok asks for these in the chosen category. Required ones are marked with a red asterisk."
			>
				{!draft.category ? (
					<p class="muted">Choose a category first.</p>
				) : spec.error ? (
					<ErrorNote error={spec.error} onRetry={spec.reload} />
				) : !spec.data ? (
					<Loading label="Loading the category's attributes…" />
				) : (
					<>
						<AttributeForm
							attributes={spec.data.attributes}
							values={draft.attributes}
							onChange={(attributes) => set({ attributes })}
							issues={issues}
						/>
						<CertificationsForm
							certifications={rules?.product_certifications ?? []}
							chosen={chosenValueIds(draft.attributes)}
							value={draft.certifications}
							onChange={(certifications) => set({ certifications })}
							issues={issues}
						/>
					</>
				)}
			</Section>
			{!isDefault && (
				<Section id="products" title="Select specific products" description="Rules work like a Shopify smart collection.">
					<RuleBuilder match={draft.match} rules={draft.rules} onChange={(next) => set(next)} issues={issues} />
					<RulePreview
						match={draft.match}
						rules={draft.rules}
						disabled={draft.rules.some((r) => localRuleProblem(r))}
						onPreview={(p) => (previewed.value = p.products)}
						onIssues={(e) => (ruleIssues.value = e?.issues ?? [])}
					/>
				</Section>
			)}
			<Section id="shipping" title="Shipping settings">
				<ShippingSection
					value={draft.shipping}
					onChange={(shipping) => set({ shipping })}
					region={settings.region}
					dimensionsRequired={!!rules?.package_dimension?.is_required}
					issues={error?.issues}
				/>
			</Section>
			<Section id="extra" title="Additional product info" description="Optional.">
				<ExtraSection value={draft.extra} onChange={(extra) => set({ extra })} rules={rules} issues={issues} />
			</Section>
			{saved && (
				<Section
					id="readiness"
					title="Readiness"
					description="How the products this template would sync fare against TikTok's rules, before anything is sent."
				>
					<ReadinessSection templateId={saved.id} version={`${saved.version}-${saved.updatedAt}`} />
				</Section>
			)}
			<div class="card save-bar">
				<ErrorNote error={error && (unplaced.length || !error.issues.length) ? error : null} title="Not saved." />
				{error && error.issues.length > 0 && unplaced.length === 0 && (
					<p class="field-error" role="alert">
						Not saved: {error.issues.length === 1 ? "one field needs" : `${error.issues.length} fields need`} attention.
					</p>
				)}
				{showLocal.value && local.length > 0 && (
					<p class="field-error" role="alert">
						Fix the highlighted fields to save.
					</p>
				)}
				<div class="actions">
					<a href="#/templates">Cancel</a>
					<Button type="submit" variant="primary" busy={busy} busyLabel="Saving…" disabled={saved ? !dirty : false}>
						{saved ? "Save" : "Save template"}
					</Button>
				</div>
			</div>
		</form>
	);
}
