/**
 * Fault injection per seller: a share of API calls answers 500 / 36009003 without
 * doing anything (errorRate), a share is answered late (slowRate), and a share of
 * writes is carried out but answered only after `slowMs` (lostAnswerRate), longer
 * than a client's timeout, so the client cannot know the outcome. With a `seed`
 * the sequence of decisions is reproducible.
 */
import { getMeta, setMeta } from "./meta.ts";

export type FaultConfig = { errorRate: number; slowRate: number; slowMs: number; lostAnswerRate: number; seed: number | null };

export const NO_FAULTS: FaultConfig = { errorRate: 0, slowRate: 0, slowMs: 10_000, lostAnswerRate: 0, seed: null };

type FaultState = { config: FaultConfig; draws: number; injected: { errors: number; slow: number; lost: number } };

export function faultState(sql: SqlStorage): FaultState {
	return getMeta<FaultState>(sql, "faults") ?? { config: NO_FAULTS, draws: 0, injected: { errors: 0, slow: 0, lost: 0 } };
}

export function setFaults(sql: SqlStorage, config: Partial<FaultConfig>): FaultConfig {
	const merged = { ...NO_FAULTS, ...config };
	setMeta(sql, "faults", { config: merged, draws: 0, injected: { errors: 0, slow: 0, lost: 0 } });
	return merged;
}

/** splitmix32 of (seed, n): a uniform draw in [0, 1) that depends only on the seed and the draw number. */
function seeded(seed: number, n: number): number {
	let z = (seed ^ Math.imul(n + 1, 0x9e3779b9)) >>> 0;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
	return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
}

export type FaultDecision = "error" | "slow" | "lost" | "none";

/** One draw per API call: decides the fault (if any) for it. */
export function drawFault(sql: SqlStorage, isWrite: boolean): { decision: FaultDecision; delayMs: number } {
	const state = faultState(sql);
	const { config } = state;
	if (config.errorRate <= 0 && config.slowRate <= 0 && config.lostAnswerRate <= 0) return { decision: "none", delayMs: 0 };
	const r = config.seed === null ? Math.random() : seeded(config.seed, state.draws);
	state.draws += 1;
	// Bands of [0, 1): error, then lost (writes only; a read there gets no fault), then slow.
	let decision: FaultDecision = "none";
	if (r < config.errorRate) decision = "error";
	else if (r < config.errorRate + config.lostAnswerRate) decision = isWrite ? "lost" : "none";
	else if (r < config.errorRate + config.lostAnswerRate + config.slowRate) decision = "slow";
	if (decision === "error") state.injected.errors += 1;
	if (decision === "lost") state.injected.lost += 1;
	if (decision === "slow") state.injected.slow += 1;
	setMeta(sql, "faults", state);
	return { decision, delayMs: decision === "slow" || decision === "lost" ? config.slowMs : 0 };
}
