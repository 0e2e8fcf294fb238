/**
 * The template editor page (its own chunk): loads the template (or decides
 * whether a new one is the shop's default), the shop's settings for units and
 * region, then hands a draft to the form.
 */
import { ErrorNote, Loading } from "../../components/error-note";
import { api, call } from "../../lib/api";
import { useAsync } from "../../lib/use-async";
import { draftOf, newDraft } from "./draft";
import { TemplateForm } from "./form";

export function TemplateEditorPage({ id }: { id: string | null }) {
	const settings = useAsync(() => call(api.settings.$get()), []);
	const template = useAsync(() => call(api.templates[":id"].$get({ param: { id: id ?? "" } })), [id], { enabled: !!id });
	const list = useAsync(() => call(api.templates.$get()), [], { enabled: !id });
	const error = settings.error ?? template.error ?? list.error;
	const ready = settings.data && (id ? template.data : list.data);
	return (
		<>
			<p class="crumbs">
				<a href="#/templates">View category templates</a>
			</p>
			{error && (
				<ErrorNote
					error={error}
					onRetry={() => {
						void settings.reload();
						if (id) void template.reload();
						else void list.reload();
					}}
				/>
			)}
			{!error && !ready && <Loading />}
			{!error && ready && settings.data && (
				<TemplateForm
					key={id ?? "new"}
					saved={template.data ?? null}
					isDefault={template.data ? template.data.isDefault : !list.data?.hasDefault}
					initial={template.data ? draftOf(template.data) : newDraft(!list.data?.hasDefault, settings.data)}
					settings={settings.data}
					onSaved={template.setData}
				/>
			)}
		</>
	);
}
