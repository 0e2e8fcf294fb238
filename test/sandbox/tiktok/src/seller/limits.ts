/**
 * Per-seller limits. Rate: a sliding one-second window per kind (read, write);
 * a call beyond the limit is refused with HTTP 429, code 36009002 and a
 * Retry-After in seconds, and does not count. Quota: creates per UTC day
 * (12052093 beyond it); listing_check and price or stock updates do not use it.
 * Both live in SQLite so the object's single thread makes them exact.
 * @see https://partner.tiktokshop.com/docv2/page/rate-limits
 */
import { getMeta, setMeta } from "./meta.ts";

const WINDOW_MS = 1000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function takeRateSlot(sql: SqlStorage, kind: "read" | "write", limit: number, nowMs: number): RateDecision {
	sql.exec("DELETE FROM hits WHERE at <= ?", nowMs - WINDOW_MS);
	const row = sql
		.exec<{ n: number; oldest: number | null }>("SELECT COUNT(*) AS n, MIN(at) AS oldest FROM hits WHERE kind = ?", kind)
		.one();
	if (row.n >= limit) {
		const waitMs = (row.oldest ?? nowMs) + WINDOW_MS - nowMs;
		return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
	}
	sql.exec("INSERT INTO hits (kind, at) VALUES (?, ?)", kind, nowMs);
	return { allowed: true };
}

/** Per-second counters for inspection: accepted reads and writes, and refused (429) calls. */
export function countSecond(sql: SqlStorage, column: "reads" | "writes" | "limited", nowMs: number): void {
	sql.exec(
		`INSERT INTO seconds (second, ${column}) VALUES (?, 1) ON CONFLICT (second) DO UPDATE SET ${column} = ${column} + 1`,
		Math.floor(nowMs / 1000),
	);
}

export function countRejection(sql: SqlStorage, code: number): void {
	sql.exec("INSERT INTO rejections (code, count) VALUES (?, 1) ON CONFLICT (code) DO UPDATE SET count = count + 1", code);
}

type Quota = { day: string; used: number };

const utcDay = (nowMs: number) => new Date(nowMs).toISOString().slice(0, 10);

export function quotaUsage(sql: SqlStorage, nowMs: number): Quota {
	const stored = getMeta<Quota>(sql, "quota");
	const day = utcDay(nowMs);
	return stored && stored.day === day ? stored : { day, used: 0 };
}

export function consumeQuota(sql: SqlStorage, nowMs: number): void {
	const q = quotaUsage(sql, nowMs);
	setMeta(sql, "quota", { day: q.day, used: q.used + 1 });
}

/** Test knob: start a new listing day. */
export function resetQuota(sql: SqlStorage, nowMs: number): void {
	setMeta(sql, "quota", { day: utcDay(nowMs), used: 0 });
}
