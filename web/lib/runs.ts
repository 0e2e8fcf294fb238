/**
 * Live sync progress: GET /api/sync/runs every 2 s while any run is active and
 * some component watches, then stop. `kickRuns()` restarts polling after an
 * action that starts a run (activation, manual sync, re-sync).
 */
import { signal } from "@preact/signals";
import { api, asApiError, call, type ApiError } from "./api";
import type { RunsResponse, SyncRun } from "./types";

export const POLL_MS = 2000;
export const runs = signal<RunsResponse | null>(null);
export const runsError = signal<ApiError | null>(null);
/** Template id -> name, filled by whichever page loaded the templates. */
export const templateNames = signal<Record<string, string>>({});

const ACTIVE_STATUSES = new Set(["fanning_out", "running"]);
export const isActive = (run: SyncRun) => ACTIVE_STATUSES.has(run.status) || run.remaining > 0;
export const anyActive = () => (runs.value?.runs ?? []).some(isActive);

let watchers = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight = false;

async function poll() {
	timer = null;
	if (inFlight) return;
	inFlight = true;
	try {
		runs.value = await call(api.sync.runs.$get());
		runsError.value = null;
	} catch (error) {
		runsError.value = asApiError(error);
	} finally {
		inFlight = false;
	}
	if (watchers > 0 && (anyActive() || runsError.value)) timer = setTimeout(poll, POLL_MS);
}

/** Subscribe while mounted; returns the unsubscribe function (for useEffect). */
export function watchRuns(): () => void {
	watchers++;
	if (watchers === 1 && !timer) void poll();
	return () => {
		watchers--;
		if (watchers === 0 && timer) {
			clearTimeout(timer);
			timer = null;
		}
	};
}

export function kickRuns() {
	if (timer) clearTimeout(timer);
	void poll();
}
