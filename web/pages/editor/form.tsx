/**
 * The template form, one page of sections: name, category, attributes and
 * certifications, rules with preview (not on the default template), shipping,
 * additional info, readiness, save, and the activation switch. Local checks run
 * as the merchant types; the server's issues land next to the field they name.
 */
import { useEffect, useState } from "preact/hooks";
import { Button } from "../../components/button";
import { ErrorNote, Loading } from "../../components/error-note";
import { Field } from "../../components/field";
import { type ApiError, asApiError, get, messageAt, post, put, query } from "../../lib/api";
import { navigate } from "../../lib/router";
import { templateNames } from "../../lib/runs";
import { useAsync } from "../../lib/use-async";
import type { CategoryDetail, FieldIssue, Preview, PreviewProduct, ProductRow, Settings, StoreRecommendation, TemplateView } from "../../lib/types";
import { ActivateSwitch } from "./activate";
import { AttributeForm, chosenValueIds } from "./attributes";
import { CategoryPicker } from "./category";
import { CertificationsForm } from "./certifications";
import { bodyOf, type Draft, draftOf, sameDraft } from "./draft";
import { ExtraSection } from "./extra";
import { flash } from "./page";
import { RulePreview } from "./preview";
import { ReadinessSection } from "./readiness";
import { localRuleProblem, RuleBuilder } from "./rules";
import { shippingIssues, ShippingSection } from "./shipping";

type Props = { saved: TemplateView | null; isDefault: boolean; initial: Draft; settings: Settings; onSaved: (t: TemplateView) => void };

function Section({ id, title, children, description }: { id: string; title: string; description?: string; children: preact.ComponentChildren }) {
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
	if (!isDefault) draft.rules.forEach((r, i) => {
		const problem = localRuleProblem(r);
		if (problem) issues.push({ path: `rules.${i}`, message: problem });
	});
	if (!isDefault && !draft.rules.length) issues.push({ path: "rules", message: "Add at least one rule." });
	return [...issues, ...shippingIssues(draft.shipping, region)];
}

export function TemplateForm({ saved, isDefault, initial, settings, onSaved }: Props) {
	const [draft, setDraft] = useState<Draft>(initial);
	const [base, setBase] = useState<Draft | null>(saved ? initial : null);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<ApiError | null>(null);
	const [notice, setNotice] = useState<string | null>(flash.value);
	const [showLocal, setShowLocal] = useState(false);
	const [previewed, setPreviewed] = useState<PreviewProduct[]>([]);
	const [active, setActive] = useState(saved?.isActive ?? false);
	const [ruleIssues, setRuleIssues] = useState<FieldIssue[]>([]);
	useEffect(() => {
		flash.value = null;
	}, []);
	const spec = useAsync(() => get<CategoryDetail>(`/api/categories/${draft.category?.id}`), [draft.category?.id], { enabled: !!draft.category });
	const store = useAsync(() => get<{ products: ProductRow[] }>(`/api/products${query({ limit: 20 })}`), []);
	// The default template's suggestion starts from the store's main product type (TikTok's store-level recommendation).
	const main = useAsync(() => get<{ recommendations: StoreRecommendation[] }>("/api/categories/store-recommendation"), [], { enabled: isDefault && !saved });
	const mainType = main.data?.recommendations[0]?.productType ?? null;
	const mainProducts = useAsync(
		() => post<Preview>("/api/templates/preview?limit=10", { match: "all", rules: [{ column: "product_type", relation: "equals", condition: mainType }] }),
		[mainType],
		{ enabled: !!mainType },
	);
	// Values of attributes the new category does not have are dropped once its spec arrives.
	useEffect(() => {
		const attrs = spec.data?.attributes;
		if (!attrs) return;
		const ids = new Set(attrs.map((a) => a.id));
		const certs = new Set((spec.data?.rules.product_certifications ?? []).map((c) => c.id));
		setDraft((d) => {
			const attributes = Object.fromEntries(Object.entries(d.attributes).filter(([id]) => ids.has(id)));
			const certifications = d.certifications.filter((c) => certs.has(c.id));
			return Object.keys(attributes).length === Object.keys(d.attributes).length && certifications.length === d.certifications.length ? d : { ...d, attributes, certifications };
		});
	}, [spec.data]);

	const set = (patch: Partial<Draft>) => {
		setDraft((d) => ({ ...d, ...patch }));
		setNotice(null);
		if (patch.rules || patch.match) setRuleIssues([]);
	};
	const dirty = !sameDraft(draft, base);
	const local = localIssues(draft, isDefault, settings.region);
	const issues = [...(showLocal ? local : local.filter((i) => i.path.startsWith("shipping."))), ...(error?.issues ?? []), ...ruleIssues];
	const samplesPending = store.loading || main.loading || mainProducts.loading;
	const samples = (previewed.length ? previewed : mainProducts.data?.products.length ? mainProducts.data.products : (store.data?.products ?? [])).map((p) => ({ id: p.id, title: p.title }));

	const save = async (event: Event) => {
		event.preventDefault();
		setShowLocal(true);
		if (local.length) {
			setError(null);
			setNotice(null);
			document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
			return;
		}
		setBusy(true);
		setError(null);
		try {
			const body = bodyOf(draft, isDefault);
			const result = saved ? await put<TemplateView>(`/api/templates/${saved.id}`, body) : await post<TemplateView>("/api/templates", body);
			templateNames.value = { ...templateNames.value, [result.id]: result.name };
			const next = draftOf(result);
			setBase(next);
			setDraft(next);
			onSaved(result);
			if (!saved) {
				flash.value = result.isDefault ? "Default template created. Check its readiness, then activate it." : "Template created. Check its readiness, then activate it.";
				navigate(`/templates/${result.id}`, { replace: true });
			} else setNotice("Saved.");
		} catch (e) {
			const err = asApiError(e);
			setError(err);
			requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
		} finally {
			setBusy(false);
		}
	};
	const known = ["name", "categoryId", "attributes", "certifications", "rules", "shipping", "extra", "match"];
	const unplaced = (error?.issues ?? []).filter((i) => !known.some((k) => i.path === k || i.path.startsWith(`${k}.`)));
	const blockedReason = dirty ? "Save your changes before activating." : !saved?.category ? "Choose a category and save before activating." : null;
	const rules = spec.data?.rules;
	return (
		<form onSubmit={save} noValidate>
			<div class="page-head">
				<h1 class="page-title">{saved ? saved.name : isDefault ? "New default template" : "New category template"}</h1>
			</div>
			{notice && (
				<p class="banner banner-success" role="status">
					{notice}
				</p>
			)}
			<Section id="template" title="Template" description={isDefault ? "The default template lists every product that no other template claims." : "This template lists the products its rules select, unless a template above it in the list claims them first."}>
				<Field id="template-name" label="Template name" required error={messageAt(issues, "name")}>
					{(wiring) => <input {...wiring} type="text" maxLength={80} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
				</Field>
				{saved && <ActivateSwitch templateId={saved.id} name={saved.name} active={active} blockedReason={blockedReason} onChanged={setActive} />}
			</Section>
			<Section id="category" title="Select a category">
				<CategoryPicker value={draft.category} onSelect={(category) => set({ category })} samples={samplesPending ? [] : samples} samplesPending={samplesPending} error={messageAt(issues, "categoryId")} />
			</Section>
			<Section id="attributes" title="Required product attributes" description="TikTok asks for these in the chosen category. Required ones are marked with a red asterisk.">
				{!draft.category ? (
					<p class="muted">Choose a category first.</p>
				) : spec.error ? (
					<ErrorNote error={spec.error} onRetry={spec.reload} />
				) : !spec.data ? (
					<Loading label="Loading the category's attributes…" />
				) : (
					<>
						<AttributeForm attributes={spec.data.attributes} values={draft.attributes} onChange={(attributes) => set({ attributes })} issues={issues} />
						<CertificationsForm certifications={rules?.product_certifications ?? []} chosen={chosenValueIds(draft.attributes)} value={draft.certifications} onChange={(certifications) => set({ certifications })} issues={issues} />
					</>
				)}
			</Section>
			{!isDefault && (
				<Section id="products" title="Select specific products" description="Rules work like a Shopify smart collection.">
					<RuleBuilder match={draft.match} rules={draft.rules} onChange={(next) => set(next)} issues={issues} />
					<RulePreview match={draft.match} rules={draft.rules} disabled={draft.rules.some((r) => localRuleProblem(r))} onPreview={(p) => setPreviewed(p.products)} onIssues={(e) => setRuleIssues(e?.issues ?? [])} />
				</Section>
			)}
			<Section id="shipping" title="Shipping settings">
				<ShippingSection value={draft.shipping} onChange={(shipping) => set({ shipping })} region={settings.region} dimensionsRequired={!!rules?.package_dimension?.is_required} issues={error?.issues} />
			</Section>
			<Section id="extra" title="Additional product info" description="Optional.">
				<ExtraSection value={draft.extra} onChange={(extra) => set({ extra })} rules={rules} issues={issues} />
			</Section>
			{saved && (
				<Section id="readiness" title="Readiness" description="How the products this template would sync fare against TikTok's rules, before anything is sent.">
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
				{showLocal && local.length > 0 && (
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
