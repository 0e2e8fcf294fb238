import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DECREASE, HEADROOM, RECOVERY_STEP, WINDOW_MS } from "../worker/pacing/policy";
import type { ShopLimiter } from "../worker/pacing/shop-limiter";

const stub = (name: string) => env.SHOP_LIMITER.getByName(name);

describe("ShopLimiter (one per shop)", () => {
	it("hands out slots at the configured rate: the first goes now, the next ones wait their turn", async () => {
		const limiter = stub("pacing.myshopify.com");
		await limiter.configure("write", { ratePerSec: 10, burst: 1 });
		const slots = [];
		for (let i = 0; i < 5; i++) slots.push(await limiter.reserve("write"));
		expect(slots[0].waitMs).toBe(0);
		// 10/s less headroom: however fast or slow the calls come, their slots are at least 1/9.5 s apart.
		for (let i = 1; i < 5; i++) expect(slots[i].goAt - slots[i - 1].goAt).toBeGreaterThanOrEqual(Math.floor(1000 / (10 * HEADROOM)));
	});

	it("keeps reads and writes on separate budgets", async () => {
		const limiter = stub("budgets.myshopify.com");
		await limiter.configure("write", { ratePerSec: 1, burst: 1 });
		await limiter.configure("read", { ratePerSec: 100, burst: 100 });
		const write = await limiter.reserve("write");
		expect((await limiter.reserve("write")).goAt - write.goAt).toBeGreaterThanOrEqual(1000);
		expect((await limiter.reserve("read")).waitMs).toBe(0);
	});

	it("a 429 cuts the rate and holds every call for what Retry-After asks beyond the one-second window; successes climb back", async () => {
		const limiter = stub("adaptive.myshopify.com");
		await limiter.configure("write", { ratePerSec: 10, burst: 1 });
		const before = Date.now();
		await limiter.limited("write", 3000);
		const after = await limiter.snapshot();
		expect(after.write.currentRate).toBeCloseTo(10 * HEADROOM * DECREASE, 6);
		expect(after.write.limitedCount).toBe(1);
		expect((await limiter.reserve("write")).goAt).toBeGreaterThanOrEqual(before + 3000 - WINDOW_MS);
		for (let i = 0; i < 10; i++) await limiter.succeeded("write");
		const recovered = await limiter.snapshot();
		expect(recovered.write.currentRate).toBeCloseTo(10 * HEADROOM * DECREASE + 10 * 10 * RECOVERY_STEP, 6);
		for (let i = 0; i < 100; i++) await limiter.succeeded("write");
		expect((await limiter.snapshot()).write.currentRate).toBeCloseTo(10 * HEADROOM, 6);
	});

	it("a 429 with Retry-After of one window drains the bucket: the next call waits one interval at the cut rate, not the whole second", async () => {
		const limiter = stub("drained.myshopify.com");
		await limiter.configure("write", { ratePerSec: 10, burst: 1 });
		const before = Date.now();
		await limiter.limited("write", WINDOW_MS);
		const next = await limiter.reserve("write");
		const interval = 1000 / (10 * HEADROOM * DECREASE);
		expect(next.goAt).toBeGreaterThanOrEqual(before + Math.floor(interval) - 5);
		expect(next.goAt).toBeLessThan(before + WINDOW_MS);
	});

	it("a released slot is given back", async () => {
		const limiter = stub("release.myshopify.com");
		await limiter.configure("write", { ratePerSec: 1, burst: 1 });
		await limiter.reserve("write");
		const second = await limiter.reserve("write");
		await limiter.release("write");
		// The released slot is reused: the next call gets the same turn, not the one after it.
		expect((await limiter.reserve("write")).goAt).toBeLessThanOrEqual(second.goAt + 1);
	});

	it("persists its bucket in SQLite, so eviction does not reset it", async () => {
		const limiter = stub("evicted.myshopify.com");
		await limiter.configure("write", { ratePerSec: 0.5, burst: 1 });
		const first = await limiter.reserve("write");
		await limiter.reserve("write");
		await evictDurableObject(limiter);
		// 0.5/s (less headroom): the third slot is over 4 s after the first, eviction or not.
		expect((await stub("evicted.myshopify.com").reserve("write")).goAt - first.goAt).toBeGreaterThanOrEqual(4000);
		const rows = await runInDurableObject(stub("evicted.myshopify.com"), (_instance: ShopLimiter, state) =>
			state.storage.sql.exec("SELECT budget, rate FROM buckets").toArray(),
		);
		expect(rows).toContainEqual({ budget: "write", rate: 0.5 });
	});

	it("starts from the rates in wrangler.toml", async () => {
		const snapshot = await stub("fresh.myshopify.com").snapshot();
		expect(snapshot.write.ratePerSec).toBe(Number(env.TIKTOK_WRITE_RATE));
		expect(snapshot.read.ratePerSec).toBe(Number(env.TIKTOK_READ_RATE));
	});

	it("shops never share a bucket", async () => {
		const busy = stub("busy.myshopify.com");
		await busy.configure("write", { ratePerSec: 1, burst: 1 });
		for (let i = 0; i < 5; i++) await busy.reserve("write");
		expect((await stub("quiet.myshopify.com").reserve("write")).waitMs).toBe(0);
	});
});
