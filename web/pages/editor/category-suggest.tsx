/**
 * TikTok's category suggestion for a sample product's title and description
 * (POST /api/categories/recommend). The merchant picks the sample, and accepts
 * the suggestion or chooses another category below.
 */
import { useSignal } from "@preact/signals";
import type { InferResponseType } from "hono/client";
import { useEffect } from "preact/hooks";
import { Tag } from "../../components/badge";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/error-note";
import { api, call } from "../../lib/api";
import { pathText } from "../../lib/format";
import { useAction } from "../../lib/use-action";

export type Suggestion = NonNullable<InferResponseType<typeof api.categories.recommend.$post>["category"]>;
type Props = { samples: { id: string; title: string }[]; auto: boolean; selectedId: string | null; onAccept: (s: Suggestion) => void };

const textOf = (html: string) =>
	new DOMParser().parseFromString(html, "text/html").body.textContent?.replace(/\s+/g, " ").trim().slice(0, 10_000) ?? "";

export function CategorySuggestion({ samples, auto, selectedId, onAccept }: Props) {
	const sampleId = useSignal(samples[0]?.id ?? "");
	const result = useSignal<{ suggestion: Suggestion | null; reason?: string } | null>(null);
	useEffect(() => {
		if (!samples.some((s) => s.id === sampleId.value)) sampleId.value = samples[0]?.id ?? "";
	}, [samples]);
	// Only the latest question's answer is shown, whatever order the answers arrive in (useAction drops the others).
	const asking = useAction(async (id: string) => {
		const { product } = await call(api.products[":id"].$get({ param: { id } }));
		return call(api.categories.recommend.$post({ json: { title: product.title, description: textOf(product.bodyHtml ?? "") } }));
	});
	const { busy, error } = asking;
	const suggest = async (id: string) => {
		if (!id) return;
		const answer = await asking.run(id);
		if (answer)
			result.value = {
				suggestion: answer.category,
				reason: "reason" in answer && typeof answer.reason === "string" ? answer.reason : undefined,
			};
	};
	// Until a category is chosen, each new sample (e.g. the first product a rule preview found) asks again.
	useEffect(() => {
		if (auto && sampleId.value) void suggest(sampleId.value);
	}, [auto, sampleId.value]);
	if (!samples.length) return <p class="muted">Add products (or rules that select some) to get a suggestion from TikTok.</p>;
	const s = result.value?.suggestion;
	return (
		<div class="suggestion">
			<div class="inline">
				<label for="suggest-sample">Suggest from</label>
				<select
					id="suggest-sample"
					value={sampleId.value}
					onChange={(e) => {
						sampleId.value = e.currentTarget.value;
						if (!auto) void suggest(e.currentTarget.value);
					}}
				>
					{samples.map((p) => (
						<option key={p.id} value={p.id}>
							{p.title}
						</option>
					))}
				</select>
				<Button busy={busy} busyLabel="Asking TikTok…" onClick={() => void suggest(sampleId.value)}>
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
			{result.value && !s && (
				<p class="muted">
					TikTok had no suggestion for this product{result.value.reason ? `: ${result.value.reason}` : ""}. Search or browse below.
				</p>
			)}
		</div>
	);
}
