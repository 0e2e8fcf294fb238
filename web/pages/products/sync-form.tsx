/**
 * Manual sync of selected products: a form pre-filled from the template that
 * matches the first of them (active or not), where every field can be changed
 * before the products are queued (POST /api/products/sync).
 */
import { useEffect, useState } from "preact/hooks";
import { Button } from "../../components/button";
import { ErrorNote, Loading } from "../../components/error-note";
import { Modal } from "../../components/modal";
import { type ApiError, asApiError, get, post } from "../../lib/api";
import { plural } from "../../lib/format";
import { useAsync } from "../../lib/use-async";
import type { CategoryDetail, PathNode, Settings, TemplateConfigValue } from "../../lib/types";
import { AttributeForm, chosenValueIds } from "../editor/attributes";
import { CategoryPicker, type ChosenCategory } from "../editor/category";
import { CertificationsForm } from "../editor/certifications";
import { DEFAULT_EXTRA } from "../editor/draft";
import { ExtraSection } from "../editor/extra";
import { shippingIssues, ShippingSection } from "../editor/shipping";

type Form = TemplateConfigValue & { templateId: string | null; templateName: string | null; categoryId: string | null; categoryPath: PathNode[] };
type Props = { productIds: string[]; onClose: () => void; onQueued: () => void };

function SyncFields({ productIds, form, settings, onClose, onQueued }: Props & { form: Form; settings: Settings }) {
	const [category, setCategory] = useState<ChosenCategory | null>(form.categoryId ? { id: form.categoryId, path: form.categoryPath, inviteOnly: false, applyUrl: null } : null);
	const [config, setConfig] = useState<TemplateConfigValue>({ attributes: form.attributes, certifications: form.certifications, shipping: form.shipping, extra: { ...DEFAULT_EXTRA, ...form.extra } });
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<ApiError | null>(null);
	const spec = useAsync(() => get<CategoryDetail>(`/api/categories/${category?.id}`), [category?.id], { enabled: !!category });
	useEffect(() => {
		if (spec.data) setCategory((c) => (c ? { ...c, inviteOnly: spec.data!.inviteOnly, applyUrl: spec.data!.applyUrl } : c));
	}, [spec.data]);
	const set = (patch: Partial<TemplateConfigValue>) => setConfig((c) => ({ ...c, ...patch }));
	const local = shippingIssues(config.shipping, settings.region);
	const issues = error?.issues ?? [];
	const submit = async () => {
		if (!category || local.length) return;
		setBusy(true);
		setError(null);
		try {
			await post("/api/products/sync", { productIds, templateId: form.templateId, categoryId: category.id, ...config });
			onQueued();
		} catch (e) {
			setError(asApiError(e));
		} finally {
			setBusy(false);
		}
	};
	return (
		<Modal
			title={`Sync ${plural(productIds.length, "product")}`}
			onClose={onClose}
			actions={
				<>
					<Button onClick={onClose}>Cancel</Button>
					<Button variant="primary" busy={busy} busyLabel="Queueing…" disabled={!category || local.length > 0} onClick={submit}>
						Sync {plural(productIds.length, "product")}
					</Button>
				</>
			}
		>
			<p class="muted">{form.templateName ? `Pre-filled from “${form.templateName}”. Changes here apply to this sync only.` : "No template matches these products: choose how to list them."}</p>
			<h3>Category</h3>
			<CategoryPicker value={category} onSelect={setCategory} samples={[]} error={issues.find((i) => i.path === "categoryId")?.message} />
			{category && spec.error && <ErrorNote error={spec.error} onRetry={spec.reload} />}
			{category && spec.loading && <Loading label="Loading the category's attributes…" />}
			{spec.data && (
				<>
					<h3>Product attributes</h3>
					<AttributeForm attributes={spec.data.attributes} values={config.attributes} onChange={(attributes) => set({ attributes })} issues={issues} />
					<CertificationsForm certifications={spec.data.rules.product_certifications ?? []} chosen={chosenValueIds(config.attributes)} value={config.certifications} onChange={(certifications) => set({ certifications })} issues={issues} />
				</>
			)}
			<h3>Shipping</h3>
			<ShippingSection value={config.shipping} onChange={(shipping) => set({ shipping })} region={settings.region} dimensionsRequired={!!spec.data?.rules.package_dimension?.is_required} issues={issues} />
			<h3>Additional product info</h3>
			<ExtraSection value={config.extra} onChange={(extra) => set({ extra })} rules={spec.data?.rules} issues={issues} />
			<ErrorNote error={error} title="Not queued." />
		</Modal>
	);
}

export function SyncForm(props: Props) {
	const first = props.productIds[0];
	const product = useAsync(() => get<{ form: Form }>(`/api/products/${first}`), [first]);
	const settings = useAsync(() => get<Settings>("/api/settings"), []);
	const error = product.error ?? settings.error;
	if (error || !product.data || !settings.data) {
		return (
			<Modal title="Sync products" onClose={props.onClose} actions={<Button onClick={props.onClose}>Close</Button>}>
				{error ? <ErrorNote error={error} /> : <Loading label="Loading the template that matches…" />}
			</Modal>
		);
	}
	return <SyncFields {...props} form={product.data.form} settings={settings.data} />;
}
