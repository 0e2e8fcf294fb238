/** One progress bar per sync run, with counts and time left; updates live by polling. */
import { useEffect } from "preact/hooks";
import { etaText, plural } from "../lib/format";
import { isActive, runs, runsError, templateNames, watchRuns } from "../lib/runs";
import type { SyncRun } from "../lib/types";

function title(run: SyncRun): string {
	const name = run.templateId ? templateNames.value[run.templateId] : undefined;
	if (run.kind === "activation") return name ? `Syncing “${name}”` : "Syncing a template";
	if (run.kind === "manual") return name ? `Manual sync with “${name}”` : "Manual sync";
	if (run.kind === "resync") return "Re-sync of failed products";
	return "Sync";
}

function RunBar({ run }: { run: SyncRun }) {
	const done = Math.max(0, run.total - run.remaining);
	const active = isActive(run);
	const c = run.counts;
	const parts = [
		c.synced ? `${c.synced} synced` : null,
		c.failed ? `${c.failed} failed` : null,
		c.waiting_quota ? `${c.waiting_quota} waiting for quota` : null,
		active ? `${run.remaining} remaining` : null,
		active ? etaText(run.etaSeconds) : null,
	].filter(Boolean);
	const label = title(run);
	return (
		<li class="run">
			<div class="run-head">
				<strong>{label}</strong>
				<span class="muted">
					{active
						? `${done} of ${plural(run.total, "product")}`
						: run.status === "cancelled"
							? "Stopped"
							: `Done · ${plural(run.total, "product")}`}
				</span>
			</div>
			<progress max={Math.max(1, run.total)} value={run.total ? done : 1} aria-label={`${label}: ${done} of ${run.total}`} />
			<p class="muted small">{parts.join(" · ") || (run.status === "fanning_out" ? "Queueing products…" : "")}</p>
		</li>
	);
}

export function SyncProgress() {
	useEffect(() => watchRuns(), []);
	const list = runs.value?.runs ?? [];
	const error = runsError.value;
	if (!list.length && !error) return null;
	return (
		<section class="card" aria-labelledby="sync-progress-title" aria-live="polite">
			<h2 id="sync-progress-title">Sync progress</h2>
			{error && <p class="field-error">Progress could not be refreshed: {error.message}</p>}
			{runs.value?.quotaPaused && (
				<p class="banner banner-attention">
					TikTok's daily listing quota is used up; syncing resumes tomorrow. <a href="#/settings">Listing quota</a>
				</p>
			)}
			<ul class="runs">
				{list.slice(0, 5).map((run) => (
					<RunBar key={run.id} run={run} />
				))}
			</ul>
		</section>
	);
}
