/**
 * Paced calls: a 429 with a short Retry-After is repeated once in place, after
 * the Retry-After, through the shop's real limiter; a second 429, or a long
 * Retry-After, goes back to the caller (and so to the queue).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { limiterFor, MAX_INLINE_WAIT_MS, paced } from "../worker/sync/pace";
import type { PortResult } from "../worker/sync/port";

const refused = (retryAfterMs: number): PortResult<string> => ({ ok: false, failure: { kind: "rate_limited", code: "36009002", message: "Too many requests", retryAfterMs } });
const accepted: PortResult<string> = { ok: true, value: "created" };

function scripted(answers: PortResult<string>[]) {
	const calls: number[] = [];
	return { calls, call: async () => (calls.push(Date.now()), answers[Math.min(calls.length - 1, answers.length - 1)]) };
}

describe("paced calls after a 429", () => {
	it("repeats a call refused with a short Retry-After once, after waiting it out", async () => {
		const limiter = limiterFor(env, "inline-retry.myshopify.com");
		const port = scripted([refused(1000), accepted]);
		const outcome = await paced(limiter, "write", port.call);
		expect(outcome).toEqual({ kind: "done", result: accepted });
		expect(port.calls).toHaveLength(2);
		expect(port.calls[1] - port.calls[0]).toBeGreaterThanOrEqual(1000);
		expect((await env.SHOP_LIMITER.getByName("inline-retry.myshopify.com").snapshot()).write.limitedCount).toBe(1);
	});

	it("hands a second 429 back to the caller", async () => {
		const port = scripted([refused(1000), refused(1000), accepted]);
		const outcome = await paced(limiterFor(env, "twice-refused.myshopify.com"), "write", port.call);
		expect(outcome.kind === "done" && !outcome.result.ok && outcome.result.failure.kind).toBe("rate_limited");
		expect(port.calls).toHaveLength(2);
	});

	it("hands a long Retry-After back at once", async () => {
		const port = scripted([refused(MAX_INLINE_WAIT_MS + 1000), accepted]);
		const outcome = await paced(limiterFor(env, "long-retry-after.myshopify.com"), "write", port.call);
		expect(outcome.kind === "done" && !outcome.result.ok && outcome.result.failure.retryAfterMs).toBe(MAX_INLINE_WAIT_MS + 1000);
		expect(port.calls).toHaveLength(1);
	});
});
