/** Readiness: how many products would pass and why the others would not, in grouped sentences. */
import { Button } from "../../components/button";
import { ErrorNote, Loading } from "../../components/error-note";
import { api, call } from "../../lib/api";
import { plural } from "../../lib/format";
import { useAsync } from "../../lib/use-async";
import { useSignal } from "@preact/signals";

export function ReadinessSection({ templateId, version }: { templateId: string; version: string }) {
	const checkWithTikTok = useSignal(false);
	const dryRun = checkWithTikTok.value;
	const state = useAsync(
		() => call(api.templates[":id"].readiness.$get({ param: { id: templateId }, query: { dryRun: dryRun ? "true" : "false" } })),
		[templateId, version, dryRun],
	);
	const r = state.data;
	return (
		<div class="readiness" aria-busy={state.loading ? "true" : undefined}>
			{state.error && <ErrorNote error={state.error} onRetry={state.reload} />}
			{state.loading && <Loading label={dryRun ? "Checking with TikTok Shop…" : "Checking products…"} />}
			{r && !state.loading && (
				<>
					<p data-testid="readiness-summary">
						{r.checked === 0
							? "No products waiting to sync: nothing to check."
							: `${plural(r.passing, "product")} of ${r.checked} ready to sync; ${plural(r.failing, "product")} would not pass.`}
						{r.total > r.checked && ` (${r.total - r.checked} more not checked.)`}
					</p>
					{r.groups.length > 0 && (
						<ul class="readiness-groups">
							{r.groups.map((g) => (
								<li key={g.code}>
									<strong>{g.summary}.</strong> {g.fix}
									{g.products.length > 0 && (
										<p class="muted small">
											e.g.{" "}
											{g.products
												.slice(0, 3)
												.map((p) => p.title)
												.join(", ")}
										</p>
									)}
								</li>
							))}
						</ul>
					)}
					{r.dryRun.length > 0 && (
						<ul class="plain-list">
							{r.dryRun.map((d) => (
								<li key={d.productId}>
									TikTok's check of “{d.title}”: {d.passed ? "passes" : `fails: ${d.failReasons.map((f) => f.message).join("; ")}`}
								</li>
							))}
						</ul>
					)}
					{r.dryRunError && <p class="muted">TikTok's own check could not run: {r.dryRunError}</p>}
				</>
			)}
			<Button
				disabled={state.loading}
				onClick={() => {
					if (dryRun) void state.reload();
					else checkWithTikTok.value = true;
				}}
			>
				{dryRun ? "Check again with TikTok" : "Also check a few with TikTok"}
			</Button>
		</div>
	);
}
