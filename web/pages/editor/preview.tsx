/** Which products the (unsaved) rules select: the total and the first products. */
import { useState } from "preact/hooks";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/error-note";
import { type ApiError, asApiError, post } from "../../lib/api";
import { plural } from "../../lib/format";
import type { Preview, RuleRow } from "../../lib/types";

type Props = { match: "all" | "any"; rules: RuleRow[]; disabled: boolean; onPreview: (preview: Preview) => void; onIssues: (error: ApiError | null) => void };

export function RulePreview({ match, rules, disabled, onPreview, onIssues }: Props) {
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<ApiError | null>(null);
	const [preview, setPreview] = useState<{ key: string; value: Preview } | null>(null);
	const key = JSON.stringify({ match, rules });
	const run = async () => {
		setBusy(true);
		setError(null);
		try {
			const value = await post<Preview>("/api/templates/preview?limit=10", { match, rules });
			setPreview({ key, value });
			onPreview(value);
			onIssues(null);
		} catch (e) {
			const err = asApiError(e);
			if (err.issues.length) onIssues(err);
			else setError(err);
		} finally {
			setBusy(false);
		}
	};
	const stale = preview && preview.key !== key;
	return (
		<div class="preview" aria-labelledby="preview-title">
			<div class="inline">
				<h3 id="preview-title">Preview</h3>
				<Button busy={busy} busyLabel="Loading preview…" disabled={disabled} onClick={run}>
					Preview matching products
				</Button>
			</div>
			<ErrorNote error={error} />
			{preview && (
				<div role="status" class={stale ? "stale" : ""}>
					<p>
						<strong data-testid="preview-total">{plural(preview.value.total, "product")}</strong> match{preview.value.total === 1 ? "es" : ""} these rules
						{stale ? " (rules changed since: preview again)" : ""}.
					</p>
					{preview.value.products.length > 0 && (
						<ul class="preview-list">
							{preview.value.products.map((p) => (
								<li key={p.id}>
									{p.title} <span class="muted small">{[p.productType, p.vendor].filter(Boolean).join(" · ")}</span>
								</li>
							))}
							{preview.value.total > preview.value.products.length && <li class="muted">and {preview.value.total - preview.value.products.length} more</li>}
						</ul>
					)}
				</div>
			)}
		</div>
	);
}
