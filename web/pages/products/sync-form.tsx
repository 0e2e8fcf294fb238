/**
 * Manual sync of selected products: a form pre-filled from the template that
 * matches the first of them (active or not), where every field can be changed
 * before the products are queued (POST /api/products/sync).
 */
import { useSignal } from "@preact/signals";
import type { InferResponseType } from "hono/client";
import { useEffect } from "preact/hooks";
import { Button } from "../../components/button";
import { ErrorNote, Loading } from "../../components/error-note";
import { Modal } from "../../components/modal";
import { api, call } from "../../lib/api";
import { plural } from "../../lib/format";
import { useAction } from "../../lib/use-action";
import { useAsync } from "../../lib/use-async";
import type { Settings, TemplateConfigValue } from "../../lib/types";
import { AttributeForm, chosenValueIds } from "../editor/attributes";
import { CategoryPicker, type ChosenCategory } from "../editor/category";
import { CertificationsForm } from "../editor/certifications";
import { DEFAULT_EXTRA } from "../editor/draft";
import { ExtraSection } from "../editor/extra";
import { shippingIssues, ShippingSection } from "../editor/shipping";

type Form = InferResponseType<(typeof api.products)[":id"]["$get"]>["form"];
type Props = { productIds: string[]; onClose: () => void; onQueued: () => void };

function SyncFields({ productIds, form, settings, onClose, onQueued }: Props & { form: Form; settings: Settings }) {
	const chosen = useSignal<ChosenCategory | null>(
		form.categoryId ? { id: form.categoryId, path: form.categoryPath, inviteOnly: false, applyUrl: null } : null,
	);
	const draft = useSignal<TemplateConfigValue>({
		attributes: form.attributes,
		certifications: form.certifications,
		shipping: form.shipping,
		extra: { ...DEFAULT_EXTRA, ...form.extra },
	});
	const [category, config] = [chosen.value, draft.value];
	const spec = useAsync(() => call(api.categories[":id"].$get({ param: { id: category?.id ?? "" } })), [category?.id], {
		enabled: !!category,
	});
	useEffect(() => {
		const c = chosen.peek();
		if (spec.data && c) chosen.value = { ...c, inviteOnly: spec.data.inviteOnly, applyUrl: spec.data.applyUrl };
	}, [spec.data]);
	const set = (patch: Partial<TemplateConfigValue>) => (draft.value = { ...draft.peek(), ...patch });
	const local = shippingIssues(config.shipping, settings.region);
	const queueing = useAction(async (categoryId: string) => {
		await call(api.products.sync.$post({ json: { productIds, templateId: form.templateId, categoryId, ...config } }));
		onQueued();
	});
	const { busy, error } = queueing;
	const issues = error?.issues ?? [];
	const submit = () => {
		if (category && !local.length) void queueing.run(category.id);
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
			<p class="muted">
				{form.templateName
					? `Pre-filled from “${form.templateName}”. Changes here apply to this sync only.`
					: "No template matches these products: choose how to list them."}
			</p>
			<h3>Category</h3>
			<CategoryPicker
				value={category}
				onSelect={(c) => (chosen.value = c)}
				samples={[]}
				error={issues.find((i) => i.path === "categoryId")?.message}
			/>
			{category && spec.error && <ErrorNote error={spec.error} onRetry={spec.reload} />}
			{category && spec.loading && <Loading label="Loading the category's attributes…" />}
			{spec.data && (
				<>
					<h3>Product attributes</h3>
					<AttributeForm
						attributes={spec.data.attributes}
						values={config.attributes}
						onChange={(attributes) => set({ attributes })}
						issues={issues}
					/>
					<CertificationsForm
						certifications={spec.data.rules.product_certifications ?? []}
						chosen={chosenValueIds(config.attributes)}
						value={config.certifications}
						onChange={(certifications) => set({ certifications })}
						issues={issues}
					/>
				</>
			)}
			<h3>Shipping</h3>
			<ShippingSection
				value={config.shipping}
				onChange={(shipping) => set({ shipping })}
				region={settings.region}
				dimensionsRequired={!!spec.data?.rules.package_dimension?.is_required}
				issues={issues}
			/>
			<h3>Additional product info</h3>
			<ExtraSection value={config.extra} onChange={(extra) => set({ extra })} rules={spec.data?.rules} issues={issues} />
			<ErrorNote error={error} title="Not queued." />
		</Modal>
	);
}

export function SyncForm(props: Props) {
	const first = props.productIds[0];
	const product = useAsync(() => call(api.products[":id"].$get({ param: { id: first } })), [first]);
	const settings = useAsync(() => call(api.settings.$get()), []);
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
