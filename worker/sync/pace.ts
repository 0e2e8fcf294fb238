/**
 * The shop's limiter as the paced port (tiktok/paced-port.ts) uses it, and the
 * per-invocation send gates that smooth one batch's writes.
 */
import type { Budget } from "../limiter/shop-limiter";

/** Waits longer than this go back to the queue instead of holding the consumer. */
export const MAX_INLINE_WAIT_MS = 5_000;

/**
 * Writes of one shop in flight at once from one invocation. TikTok counts calls
 * when they arrive; if its answers slow down, calls already sent pile up and then
 * land together, and a burst trips the per-second window even though they were
 * paced when sent. Two in flight keeps the pace (a call takes about as long as
 * the gap between slots) without letting a backlog build. Per invocation on
 * purpose: it only smooths this batch's sends; the shop's Durable Object
 * remains the one budget across invocations and isolates.
 */
export const WRITES_IN_FLIGHT = 2;

type Gate = { active: number; waiting: (() => void)[]; lastSend: number };

/**
 * The in-flight cap and send spacing of one invocation (one queue batch or one
 * request). Scoped to the invocation, never the module: workerd forbids resolving
 * a promise that another request created, so a gate shared across concurrent
 * batches would leave its waiters hanging forever.
 */
export class SendGates {
	readonly #gates = new Map<string, Gate>();

	/**
	 * Slots are reserved before the call; a call that starts late (the isolate was busy)
	 * would otherwise leave together with the next one. This keeps this invocation's
	 * actual sends at least one interval apart.
	 */
	async spaceFromLastSend(key: string, intervalMs: number): Promise<void> {
		const gate = this.#gates.get(key);
		if (!gate) return;
		const gap = gate.lastSend + intervalMs - Date.now();
		if (gap > 0) await scheduler.wait(gap);
		gate.lastSend = Date.now();
	}

	async acquire(key: string): Promise<() => void> {
		const gate = this.#gates.get(key) ?? { active: 0, waiting: [], lastSend: 0 };
		this.#gates.set(key, gate);
		if (gate.active >= WRITES_IN_FLIGHT) await new Promise<void>((resolve) => gate.waiting.push(resolve));
		gate.active++;
		return () => {
			gate.active--;
			const next = gate.waiting.shift();
			if (next) next();
			else if (gate.active === 0) this.#gates.delete(key);
		};
	}
}

export type LimiterStub = Pick<DurableObjectStub<import("../limiter/shop-limiter").ShopLimiter>, "reserve" | "release" | "succeeded" | "limited"> & { shopId: string; gates: SendGates };

/** `gates` is the invocation's own (see SendGates); a lone call gets fresh ones. */
export function limiterFor(env: Env, shopId: string, gates: SendGates = new SendGates()): LimiterStub {
	const stub = env.SHOP_LIMITER.getByName(shopId);
	return { shopId, gates, reserve: (b, c) => stub.reserve(b, c), release: (b, c) => stub.release(b, c), succeeded: (b) => stub.succeeded(b), limited: (b, ms) => stub.limited(b, ms) };
}

/**
 * A call refused with 429 is repeated in place at most this often (tiktok/paced-port.ts):
 * a trip through the queue would put the product behind every message sent since
 * (a shop's last products would trail its run by a whole batch).
 */
export const INLINE_RETRIES_AFTER_429 = 1;
