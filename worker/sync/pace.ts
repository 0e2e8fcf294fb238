/**
 * Every TikTok call of the sync engine goes through the shop's limiter: reserve
 * a slot, sleep for short waits (sub-second pacing keeps the achieved rate close
 * to the limit), or hand the message back to the queue for long ones. The call's
 * outcome feeds the limiter's adaptation (429 halves the rate, success restores it).
 */
import type { Budget } from "../limiter/shop-limiter";
import type { PortResult } from "./port";

/** Waits longer than this go back to the queue instead of holding the consumer. */
export const MAX_INLINE_WAIT_MS = 5_000;

export type Paced<T> = { kind: "done"; result: PortResult<T> } | { kind: "later"; waitMs: number };

export type LimiterStub = Pick<DurableObjectStub<import("../limiter/shop-limiter").ShopLimiter>, "reserve" | "release" | "succeeded" | "limited">;

export function limiterFor(env: Env, shopId: string): LimiterStub {
	return env.SHOP_LIMITER.getByName(shopId);
}

export async function paced<T>(limiter: LimiterStub, budget: Budget, call: () => Promise<PortResult<T>>): Promise<Paced<T>> {
	const { waitMs } = await limiter.reserve(budget);
	if (waitMs > MAX_INLINE_WAIT_MS) {
		await limiter.release(budget);
		return { kind: "later", waitMs };
	}
	if (waitMs > 0) await scheduler.wait(waitMs);
	const result = await call();
	if (result.ok) await limiter.succeeded(budget);
	else if (result.failure.kind === "rate_limited") await limiter.limited(budget, result.failure.retryAfterMs ?? 1000);
	return { kind: "done", result };
}
