/** What a job tells the queue handler to do with its message. Expected failures are values, not exceptions. */
export type JobFailure = { code: string; message: string; fix?: string; requestId?: string };

export type JobOutcome = { kind: "done" } | { kind: "retry"; delayMs: number; reason: string } | { kind: "failed"; failure: JobFailure };

export const done: JobOutcome = { kind: "done" };
export const retryIn = (delayMs: number, reason: string): JobOutcome => ({ kind: "retry", delayMs, reason });
export const failed = (failure: JobFailure): JobOutcome => ({ kind: "failed", failure });

/** The longest a retried message waits. */
export const MAX_BACKOFF_MS = 600_000;

/** Exponential backoff from the delivery attempt: 2, 4, 8 ... seconds, capped at 10 minutes. */
export function backoffMs(attempts: number): number {
	return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(1, attempts));
}
