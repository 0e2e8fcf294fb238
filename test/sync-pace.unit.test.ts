/**
 * Paced calls: a 429 with a short Retry-After is repeated once in place, after
 * the Retry-After, through the shop's real limiter; a second 429, or a long
 * Retry-After, goes back to the caller (and so to the queue). A wait too long
 * to hold the consumer is answered as a rate limit without calling TikTok.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { limiterFor } from "../worker/pacing/limiter";
import { MAX_INLINE_WAIT_MS } from "../worker/pacing/policy";
import { PACED, pacedPort, type TikTokPort } from "../worker/tiktok";
import { fail, fakeTikTokPort } from "./support/fake-tiktok-port";

const refused = (retryAfterMs: number) => fail("rate_limited", { code: "36009002", message: "Too many requests", retryAfterMs });
const accepted = { ok: true as const, value: { auditing: false, warnings: [], skus: [] } };

function scripted(shop: string, answers: Awaited<ReturnType<TikTokPort["partialEdit"]>>[]) {
	const fake = fakeTikTokPort();
	fake.answer("partialEdit", ...answers);
	const paced = pacedPort(fake.port, limiterFor(env, shop));
	return { calls: () => fake.called("partialEdit").map((c) => c.at), edit: () => paced.partialEdit("1", {}) };
}

describe("paced calls after a 429", () => {
	it("repeats a call refused with a short Retry-After once, after waiting it out", async () => {
		const port = scripted("inline-retry.myshopify.com", [refused(1000), accepted]);
		expect(await port.edit()).toEqual(accepted);
		const calls = port.calls();
		expect(calls).toHaveLength(2);
		expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(1000);
		expect((await env.SHOP_LIMITER.getByName("inline-retry.myshopify.com").snapshot()).write.limitedCount).toBe(1);
	});

	it("hands a second 429 back to the caller", async () => {
		const port = scripted("twice-refused.myshopify.com", [refused(1000), refused(1000), accepted]);
		const outcome = await port.edit();
		expect(!outcome.ok && outcome.failure.kind).toBe("rate_limited");
		expect(port.calls()).toHaveLength(2);
	});

	it("hands a long Retry-After back at once", async () => {
		const port = scripted("long-retry-after.myshopify.com", [refused(MAX_INLINE_WAIT_MS + 1000), accepted]);
		const outcome = await port.edit();
		expect(!outcome.ok && outcome.failure.retryAfterMs).toBe(MAX_INLINE_WAIT_MS + 1000);
		expect(port.calls()).toHaveLength(1);
	});
});

describe("paced calls the shop's budget cannot serve soon", () => {
	it("answer a rate limit carrying the wait, without calling TikTok or spending the slot", async () => {
		const shop = "slow-budget.myshopify.com";
		await env.SHOP_LIMITER.getByName(shop).configure("write", { ratePerSec: 0.1, burst: 1 });
		const port = scripted(shop, [accepted, accepted]);
		expect(await port.edit()).toEqual(accepted);
		const later = await port.edit();
		expect(later.ok).toBe(false);
		if (later.ok) return;
		expect(later.failure).toMatchObject({ kind: "rate_limited", code: PACED });
		expect(later.failure.retryAfterMs).toBeGreaterThan(MAX_INLINE_WAIT_MS);
		expect(port.calls()).toHaveLength(1);
		expect((await env.SHOP_LIMITER.getByName(shop).snapshot()).write.tokens).toBeGreaterThan(-1);
	});
});
