/**
 * One ShopLimiter per shop (`SHOP_LIMITER.getByName(shopId)`): the pace at which
 * this app calls TikTok for that shop. Shops never share an object, so a busy
 * shop cannot slow another and there is no global hot spot.
 *
 * Each budget ("read", "write") is a token bucket persisted in the object's
 * SQLite storage, so eviction does not reset it. It is refilled lazily on each
 * call; no alarm is needed. `reserve()` hands out slots in time order: a caller
 * may go at `goAt` (often now), which lets consumers sleep precisely for short
 * waits instead of rounding to whole-second queue retries.
 *
 * It aims just under the configured rate (HEADROOM): TikTok counts calls in a
 * sliding one-second window when they arrive, and network and processing jitter
 * bunch some arrivals together. Adaptive (AIMD): a 429 drains the bucket and cuts
 * the budget's rate (DECREASE); each success then adds back a small step up to
 * the aim again. Retry-After comes in whole seconds, so against a one-second
 * window "1" only says a slot frees within the second: the refused call itself
 * waits the full Retry-After (tiktok/paced-port.ts repeats it once, then hands it
 * to the queue with that delay), while the shop's other calls are held only for what Retry-After asks beyond the
 * window. Holding everything for the rounded-up second cost about a second of
 * the whole budget per 429.
 * @see https://developers.cloudflare.com/durable-objects/api/sqlite-storage-api/
 */
import { DurableObject } from "cloudflare:workers";

import { type Budget, type BudgetConfig, DECREASE, DEFAULT_BUDGETS, HEADROOM, MIN_RATE_FRACTION, RECOVERY_STEP, WINDOW_MS } from "./policy";

export type { Budget, BudgetConfig };

export type BudgetState = BudgetConfig & {
	/** The rate calls are paced at now: the configured rate less headroom, lower after a 429. */
	currentRate: number;
	tokens: number;
	at: number;
	limitedCount: number;
	okCount: number;
};

export type Reservation = { goAt: number; waitMs: number /** The spacing between calls at the current rate. */; intervalMs: number };

/** The starting budget: wrangler.toml's TIKTOK_WRITE_RATE / TIKTOK_READ_RATE, else the defaults. */
export function initialBudget(budget: Budget, env: Partial<Pick<Env, "TIKTOK_WRITE_RATE" | "TIKTOK_READ_RATE">>): BudgetConfig {
	const configured = Number(budget === "write" ? env.TIKTOK_WRITE_RATE : env.TIKTOK_READ_RATE);
	if (!(configured > 0)) return DEFAULT_BUDGETS[budget];
	// Writes get no burst: a burst is exactly what trips a per-second window upstream.
	return { ratePerSec: configured, burst: budget === "write" ? 1 : configured };
}

const aim = (s: BudgetConfig) => s.ratePerSec * HEADROOM;

export class ShopLimiter extends DurableObject<Env> {
	private readonly sql = this.ctx.storage.sql;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		this.sql.exec(`CREATE TABLE IF NOT EXISTS buckets (
			budget TEXT PRIMARY KEY, rate REAL NOT NULL, burst REAL NOT NULL, current_rate REAL NOT NULL,
			tokens REAL NOT NULL, at INTEGER NOT NULL, limited_count INTEGER NOT NULL DEFAULT 0, ok_count INTEGER NOT NULL DEFAULT 0)`);
	}

	private load(budget: Budget, now: number): BudgetState {
		const row = this.sql.exec<Record<string, number>>("SELECT * FROM buckets WHERE budget = ?", budget).toArray()[0];
		if (!row) {
			const base = initialBudget(budget, this.env);
			return { ...base, currentRate: aim(base), tokens: base.burst, at: now, limitedCount: 0, okCount: 0 };
		}
		const state: BudgetState = {
			ratePerSec: row.rate,
			burst: row.burst,
			currentRate: row.current_rate,
			tokens: row.tokens,
			at: row.at,
			limitedCount: row.limited_count,
			okCount: row.ok_count,
		};
		// Lazy refill: tokens accrue at the current rate up to the burst size.
		const elapsed = Math.max(0, now - state.at) / 1000;
		state.tokens = Math.min(state.burst, state.tokens + elapsed * state.currentRate);
		state.at = now;
		return state;
	}

	private save(budget: Budget, s: BudgetState): void {
		this.sql.exec(
			`INSERT INTO buckets (budget, rate, burst, current_rate, tokens, at, limited_count, ok_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (budget) DO UPDATE SET rate = excluded.rate, burst = excluded.burst, current_rate = excluded.current_rate,
			 tokens = excluded.tokens, at = excluded.at, limited_count = excluded.limited_count, ok_count = excluded.ok_count`,
			budget,
			s.ratePerSec,
			s.burst,
			s.currentRate,
			s.tokens,
			s.at,
			s.limitedCount,
			s.okCount,
		);
	}

	/**
	 * Reserves one call. The caller may proceed at `goAt`; `waitMs` is 0 when it may go now.
	 * Callers that will not wait that long must `release()` the slot.
	 */
	reserve(budget: Budget, cost = 1): Reservation {
		const now = Date.now();
		const s = this.load(budget, now);
		s.tokens -= cost;
		this.save(budget, s);
		const waitMs = s.tokens >= 0 ? 0 : Math.ceil((-s.tokens / s.currentRate) * 1000);
		return { goAt: now + waitMs, waitMs, intervalMs: 1000 / s.currentRate };
	}

	/** Gives back a reservation the caller decided not to use (e.g. it re-queued instead of sleeping). */
	release(budget: Budget, cost = 1): void {
		const s = this.load(budget, Date.now());
		s.tokens = Math.min(s.burst, s.tokens + cost);
		this.save(budget, s);
	}

	/** TikTok accepted a call: climb back towards the configured rate. */
	succeeded(budget: Budget): void {
		const s = this.load(budget, Date.now());
		s.okCount += 1;
		s.currentRate = Math.min(aim(s), s.currentRate + s.ratePerSec * RECOVERY_STEP);
		this.save(budget, s);
	}

	/**
	 * TikTok answered 429 (or a business throttle): drain the bucket, cut the rate,
	 * and hold every call for what Retry-After asks beyond the one-second window.
	 */
	limited(budget: Budget, retryAfterMs = WINDOW_MS): void {
		const s = this.load(budget, Date.now());
		s.limitedCount += 1;
		s.currentRate = Math.max(s.ratePerSec * MIN_RATE_FRACTION, s.currentRate * DECREASE);
		const holdMs = Math.max(0, retryAfterMs - WINDOW_MS);
		s.tokens = Math.min(s.tokens, 0, -(holdMs / 1000) * s.currentRate);
		this.save(budget, s);
	}

	/** Sets a budget's configured rate (e.g. from shop settings or a benchmark); keeps its counters. */
	configure(budget: Budget, cfg: BudgetConfig): BudgetState {
		const s = this.load(budget, Date.now());
		s.ratePerSec = cfg.ratePerSec;
		s.burst = cfg.burst;
		s.currentRate = aim(cfg);
		s.tokens = Math.min(s.tokens, cfg.burst);
		this.save(budget, s);
		return s;
	}

	snapshot(): Record<Budget, BudgetState> {
		const now = Date.now();
		return { read: this.load("read", now), write: this.load("write", now) };
	}
}
