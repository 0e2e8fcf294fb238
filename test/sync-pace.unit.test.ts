/**
 * Paced calls: a 429 with a short Retry-After is repeated once in place, after
 * the Retry-After, through the shop's real limiter; a second 429, or a long
 * Retry-After, goes back to the caller (and so to the queue).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { limiterFor } from "../worker/pacing/limiter";
import { MAX_INLINE_WAIT_MS } from "../worker/pacing/policy";
import { type PortResult, pacedPort, type TikTokPort } from "../worker/tiktok";

const refused = (retryAfterMs: number): PortResult<string> => ({ ok: false, failure: { kind: "rate_limited", code: "36009002", message: "Too many requests", retryAfterMs } });
const accepted: PortResult<string> = { ok: true, value: "created" };

/** A port whose partial edit answers from a script: the paced port under test wraps it. */
function scripted(answers: PortResult<string>[]) {
	const calls: number[] = [];
	const answer = async () => (calls.push(Date.now()), answers[Math.min(calls.length - 1, answers.length - 1)]);
	const port = { partialEdit: answer } as unknown as TikTokPort;
	return { calls, through: (shop: string) => () => pacedPort(port, limiterFor(env, shop)).partialEdit("1", {}) as unknown as Promise<PortResult<string>> };
}

describe("paced calls after a 429", () => {
	it("repeats a call refused with a short Retry-After once, after waiting it out", async () => {
		const port = scripted([refused(1000), accepted]);
		const outcome = await port.through("inline-retry.myshopify.com")();
		expect(outcome).toEqual(accepted);
		expect(port.calls).toHaveLength(2);
		expect(port.calls[1] - port.calls[0]).toBeGreaterThanOrEqual(1000);
		expect((await env.SHOP_LIMITER.getByName("inline-retry.myshopify.com").snapshot()).write.limitedCount).toBe(1);
	});

	it("hands a second 429 back to the caller", async () => {
		const port = scripted([refused(1000), refused(1000), accepted]);
		const outcome = await port.through("twice-refused.myshopify.com")();
		expect(!outcome.ok && outcome.failure.kind).toBe("rate_limited");
		expect(port.calls).toHaveLength(2);
	});

	it("hands a long Retry-After back at once", async () => {
		const port = scripted([refused(MAX_INLINE_WAIT_MS + 1000), accepted]);
		const outcome = await port.through("long-retry-after.myshopify.com")();
		expect(!outcome.ok && outcome.failure.retryAfterMs).toBe(MAX_INLINE_WAIT_MS + 1000);
		expect(port.calls).toHaveLength(1);
	});
});
