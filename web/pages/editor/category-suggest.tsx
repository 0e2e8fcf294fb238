/**
 * TikTok's category suggestion for a sample product's title and description
 * (POST /api/categories/recommend). The merchant picks the sample, and accepts
 * the suggestion or chooses another category below.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { Tag } from "../../components/badge";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/error-note";
import { type ApiError, asApiError, get, post } from "../../lib/api";
import { pathText } from "../../lib/format";
import type { PathNode } from "../../lib/types";

export type Suggestion = { id: string; name: string; path: PathNode[]; permissionStatuses: string[]; inviteOnly: boolean; applyUrl: string | null };
type Props = { samples: { id: string; title: string }[]; auto: boolean; selectedId: string | null; onAccept: (s: Suggestion) => void };

const textOf = (html: string) => new DOMParser().parseFromString(html, "text/html").body.textContent?.replace(/\s+/g, " ").trim().slice(0, 10_000) ?? "";

export function CategorySuggestion({ samples, auto, selectedId, onAccept }: Props) {
	const [sampleId, setSampleId] = useState(samples[0]?.id ?? "");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<ApiError | null>(null);
	const [result, setResult] = useState<{ suggestion: Suggestion | null; reason?: string } | null>(null);
	useEffect(() => {
		if (!samples.some((s) => s.id === sampleId)) setSampleId(samples[0]?.id ?? "");
	}, [samples]);
	const latest = useRef(0);
	const suggest = async (id: string) => {
		if (!id) return;
		// Only the latest question's answer is shown, whatever order the answers arrive in.
		const call = ++latest.current;
		setBusy(true);
		setError(null);
		try {
			const { product } = await get<{ product: { title: string; bodyHtml: string | null } }>(`/api/products/${id}`);
			const answer = await post<{ category: Suggestion | null; reason?: string }>("/api/categories/recommend", { title: product.title, description: textOf(product.bodyHtml ?? "") });
			if (call === latest.current) setResult({ suggestion: answer.category, reason: answer.reason });
		} catch (e) {
			if (call === latest.current) setError(asApiError(e));
		} finally {
			if (call === latest.current) setBusy(false);
		}
	};
	// Until a category is chosen, each new sample (e.g. the first product a rule preview found) asks again.
	useEffect(() => {
		if (auto && sampleId) void suggest(sampleId);
	}, [auto, sampleId]);
	if (!samples.length) return <p class="muted">Add products (or rules that select some) to get a suggestion from TikTok.</p>;
	const s = result?.suggestion;
	return (
		<div class="suggestion">
			<div class="inline">
				<label for="suggest-sample">Suggest from</label>
				<select
					id="suggest-sample"
					value={sampleId}
					onChange={(e) => {
						setSampleId(e.currentTarget.value);
						if (!auto) void suggest(e.currentTarget.value);
					}}
				>
					{samples.map((p) => (
						<option key={p.id} value={p.id}>
							{p.title}
						</option>
					))}
				</select>
				<Button busy={busy} busyLabel="Asking TikTok…" onClick={() => void suggest(sampleId)}>
					Suggest a category
				</Button>
			</div>
			<ErrorNote error={error} />
			{s && (
				<div class="suggested" role="status">
					<p>
						Suggested: <strong>{pathText(s.path)}</strong> {s.inviteOnly && <Tag tone="attention">Invite-only</Tag>}
					</p>
					{selectedId === s.id ? (
						<p class="muted">This is the selected category.</p>
					) : (
						<Button variant="primary" onClick={() => onAccept(s)}>
							Use this category
						</Button>
					)}
				</div>
			)}
			{result && !s && <p class="muted">TikTok had no suggestion for this product{result.reason ? `: ${result.reason}` : ""}. Search or browse below.</p>}
		</div>
	);
}
