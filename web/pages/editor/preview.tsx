/** Which products the (unsaved) rules select: the total and the first products. */
import { useSignal } from "@preact/signals";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/error-note";
import { api, type ApiError, call } from "../../lib/api";
import { useAction } from "../../lib/use-action";
import { plural } from "../../lib/format";
import type { Preview, RuleRow } from "../../lib/types";

type Props = {
	match: "all" | "any";
	rules: RuleRow[];
	disabled: boolean;
	onPreview: (preview: Preview) => void;
	onIssues: (error: ApiError | null) => void;
};

export function RulePreview({ match, rules, disabled, onPreview, onIssues }: Props) {
	const preview = useSignal<{ key: string; value: Preview } | null>(null);
	const key = JSON.stringify({ match, rules });
	const previewing = useAction(
		async () => {
			const value = await call(api.templates.preview.$post({ query: { limit: "10" }, json: { match, rules } }));
			preview.value = { key, value };
			onPreview(value);
			onIssues(null);
		},
		// Issues name rules: the rule builder shows them next to each rule, not here.
		{
			onError: (error) => {
				if (!error.issues.length) return error;
				onIssues(error);
				return null;
			},
		},
	);
	const { busy, error } = previewing;
	const run = () => void previewing.run();
	const shown = preview.value;
	const stale = shown && shown.key !== key;
	return (
		<section class="preview" aria-labelledby="preview-title">
			<div class="inline">
				<h3 id="preview-title">Preview</h3>
				<Button busy={busy} busyLabel="Loading preview…" disabled={disabled} onClick={run}>
					Preview matching products
				</Button>
			</div>
			<ErrorNote error={error} />
			{shown && (
				<div role="status" class={stale ? "stale" : ""}>
					<p>
						<strong data-testid="preview-total">{plural(shown.value.total, "product")}</strong> match{shown.value.total === 1 ? "es" : ""}{" "}
						these rules
						{stale ? " (rules changed since: preview again)" : ""}.
					</p>
					{shown.value.products.length > 0 && (
						<ul class="preview-list">
							{shown.value.products.map((p) => (
								<li key={p.id}>
									{p.title} <span class="muted small">{[p.productType, p.vendor].filter(Boolean).join(" · ")}</span>
								</li>
							))}
							{shown.value.total > shown.value.products.length && (
								<li class="muted">and {shown.value.total - shown.value.products.length} more</li>
							)}
						</ul>
					)}
				</div>
			)}
		</section>
	);
}
