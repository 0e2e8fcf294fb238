/**
 * The calculated-query-cost leaky bucket of one store (Standard plan defaults:
 * 2,000 points, 100 restored per second, 1,000 at most per query). Refilled lazily
 * on each request from the elapsed time, persisted in `meta`. The test knob
 * (`PUT /__sandbox/stores/{shop}/throttle`) may change every number, e.g. to force
 * THROTTLED with a small bucket and no restore.
 * @see https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits
 */
import { readMeta, writeMeta } from "./meta";

export type BucketConfig = { maximumAvailable: number; restoreRate: number; maxQueryCost: number };
export type BucketState = BucketConfig & { available: number; atMs: number };

export const DEFAULT_BUCKET: BucketConfig = { maximumAvailable: 2000, restoreRate: 100, maxQueryCost: 1000 };

export function loadBucket(sql: SqlStorage, nowMs: number): BucketState {
	const saved = readMeta<BucketState>(sql, "bucket") ?? { ...DEFAULT_BUCKET, available: DEFAULT_BUCKET.maximumAvailable, atMs: nowMs };
	const elapsed = Math.max(0, nowMs - saved.atMs) / 1000;
	return { ...saved, available: Math.min(saved.maximumAvailable, saved.available + elapsed * saved.restoreRate), atMs: nowMs };
}

export function saveBucket(sql: SqlStorage, state: BucketState): void {
	writeMeta(sql, "bucket", state);
}

export function configureBucket(
	sql: SqlStorage,
	patch: Partial<BucketConfig> & { currentlyAvailable?: number },
	nowMs: number,
): BucketState {
	const state = loadBucket(sql, nowMs);
	const next: BucketState = {
		maximumAvailable: patch.maximumAvailable ?? state.maximumAvailable,
		restoreRate: patch.restoreRate ?? state.restoreRate,
		maxQueryCost: patch.maxQueryCost ?? state.maxQueryCost,
		available: 0,
		atMs: nowMs,
	};
	next.available = Math.min(next.maximumAvailable, patch.currentlyAvailable ?? state.available);
	saveBucket(sql, next);
	return next;
}

export function throttleStatus(state: BucketState) {
	return { maximumAvailable: state.maximumAvailable, currentlyAvailable: Math.floor(state.available), restoreRate: state.restoreRate };
}
