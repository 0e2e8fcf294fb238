/**
 * A shop's limiter as the paced port (tiktok/paced-port.ts) calls it: the
 * shop's Durable Object (the one budget across invocations and isolates) plus
 * the invocation's send gates, which only smooth this batch's own sends.
 */
import { type Budget, WRITES_IN_FLIGHT } from "./policy";
import type { ShopLimiter } from "./shop-limiter";

type Gate = { active: number; waiting: (() => void)[]; lastSend: number };

/**
 * The in-flight cap (WRITES_IN_FLIGHT) and send spacing of one invocation (one
 * queue batch or one request). Scoped to the invocation, never the module:
 * workerd forbids resolving a promise that another request created, so a gate
 * shared across concurrent batches would leave its waiters hanging forever.
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

export type LimiterStub = Pick<DurableObjectStub<ShopLimiter>, "reserve" | "release" | "succeeded" | "limited"> & {
	shopId: string;
	gates: SendGates;
};

/** `gates` is the invocation's own (see SendGates); a lone call gets fresh ones. */
export function limiterFor(env: Env, shopId: string, gates: SendGates = new SendGates()): LimiterStub {
	const stub = env.SHOP_LIMITER.getByName(shopId);
	return {
		shopId,
		gates,
		reserve: (b: Budget, c?: number) => stub.reserve(b, c),
		release: (b: Budget, c?: number) => stub.release(b, c),
		succeeded: (b: Budget) => stub.succeeded(b),
		limited: (b: Budget, ms?: number) => stub.limited(b, ms),
	};
}

/** The shop's current write rate, as admission and fan-out size their work by it. */
export async function writeRateOf(env: Env, shopId: string): Promise<number> {
	return (await env.SHOP_LIMITER.getByName(shopId).snapshot()).write.currentRate;
}
