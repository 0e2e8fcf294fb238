/**
 * Batch admission: each shop's sync messages run up to what its write budget
 * serves in one batch's time box; the rest are deferred (re-sent, not failed), and
 * other job types always run. Shops run side by side, a few jobs each at a time,
 * and no job starts after the time box.
 */
import { createMessageBatch } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { admit, deferToQueue, jobsPerShop, runByShop, syncsPerBatch, timeBoxSeconds } from "../worker/pacing/admission";
import { BATCH_SECONDS, BOX_SPARE, JOBS_PER_SHOP, JOIN_SECONDS, MAX_SYNCS_PER_SHOP, WRITES_PER_SYNC } from "../worker/pacing/policy";

const sync = (shopId: string, productId: string) => ({ type: "sync.product", shopId, productId, runId: null, generation: 0 });

function batch(bodies: unknown[]): Message<unknown>[] {
	return [
		...createMessageBatch(
			"sync-jobs",
			bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
		).messages,
	];
}

describe("batch admission", () => {
	it("sizes each shop's share from its write rate", () => {
		expect(syncsPerBatch(0.1)).toBe(1);
		expect(syncsPerBatch(4)).toBe((4 * BATCH_SECONDS * BOX_SPARE) / WRITES_PER_SYNC);
		expect(syncsPerBatch(1000)).toBe(MAX_SYNCS_PER_SHOP);
	});

	it("closes the box early when the batch fans out for a shop that has no syncs in it", () => {
		const fanOut = (shopId: string) => ({ type: "sync.fanout", shopId, runId: "r", after: null });
		expect(timeBoxSeconds(batch([sync("a.myshopify.com", "1"), fanOut("a.myshopify.com")]))).toBe(BATCH_SECONDS);
		expect(timeBoxSeconds(batch([sync("a.myshopify.com", "1"), fanOut("b.myshopify.com")]))).toBe(JOIN_SECONDS);
		expect(timeBoxSeconds(batch([sync("a.myshopify.com", "1")]))).toBe(BATCH_SECONDS);
	});

	it("works on about one second of a shop's writes at once: at least two jobs, at most JOBS_PER_SHOP", () => {
		expect(jobsPerShop(0.5)).toBe(2);
		expect(jobsPerShop(3 * WRITES_PER_SYNC)).toBe(Math.min(3, JOBS_PER_SHOP));
		expect(jobsPerShop(100)).toBe(JOBS_PER_SHOP);
	});

	it("admits each shop's syncs up to its share, defers the rest, and always runs other jobs", async () => {
		const messages = batch([
			...Array.from({ length: 12 }, (_, i) => sync("busy.myshopify.com", `b${i}`)),
			sync("quiet.myshopify.com", "q0"),
			{ type: "review.refresh", shopId: "busy.myshopify.com", tiktokProductId: "1" },
		]);
		// A share of four syncs per batch for each shop.
		const rate = (4 * WRITES_PER_SYNC) / (BATCH_SECONDS * BOX_SPARE);
		const rates: Record<string, number> = { "busy.myshopify.com": rate, "quiet.myshopify.com": rate };
		const { run, defer, lanes } = await admit(messages, async (shop) => rates[shop]);
		expect(lanes.get("busy.myshopify.com")).toBe(jobsPerShop(rate));
		const ids = (list: typeof messages) =>
			list.map((m) => {
				const body = m.body as { productId?: string; type: string };
				return body.productId ?? body.type;
			});
		expect(ids(run)).toEqual(["b0", "b1", "b2", "b3", "q0", "review.refresh"]);
		expect(ids(defer)).toEqual(["b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11"]);
	});

	it("re-sends deferred messages and acks them; if the send fails, they are retried instead", async () => {
		const sent: unknown[] = [];
		const ok = batch([sync("a.myshopify.com", "1")]);
		await deferToQueue(
			{ sendBatch: async (m: { body: unknown }[]) => void sent.push(...m.map((x) => x.body)) } as unknown as Queue,
			ok,
			() => {},
		);
		expect(sent).toEqual([sync("a.myshopify.com", "1")]);
		const failing = batch([sync("a.myshopify.com", "2")]);
		const retried: unknown[] = [];
		failing[0].retry = (options) => void retried.push(options);
		failing[0].ack = () => {
			throw new Error("must not ack");
		};
		await deferToQueue({ sendBatch: async () => Promise.reject(new Error("queue down")) } as unknown as Queue, failing, () => {});
		expect(retried).toEqual([{ delaySeconds: 1 }]);
	});

	it("works on a few jobs of each shop at a time (or as many as its lanes say), shops side by side", async () => {
		const messages = batch([
			...Array.from({ length: 10 }, (_, i) => sync("a.myshopify.com", `a${i}`)),
			...Array.from({ length: 3 }, (_, i) => sync("b.myshopify.com", `b${i}`)),
		]);
		const peaks = async (lanes?: Map<string, number>) => {
			const active = new Map<string, number>();
			const peak = new Map<string, number>();
			const work = async (m: Message<unknown>) => {
				const shop = (m.body as { shopId: string }).shopId;
				active.set(shop, (active.get(shop) ?? 0) + 1);
				peak.set(shop, Math.max(peak.get(shop) ?? 0, active.get(shop) ?? 0));
				await scheduler.wait(5);
				active.set(shop, (active.get(shop) ?? 1) - 1);
			};
			await runByShop(messages, work, Number.POSITIVE_INFINITY, lanes);
			return Object.fromEntries(peak);
		};
		expect(await peaks()).toEqual({ "a.myshopify.com": JOBS_PER_SHOP, "b.myshopify.com": 3 });
		expect(await peaks(new Map([["a.myshopify.com", 2]]))).toEqual({ "a.myshopify.com": 2, "b.myshopify.com": 3 });
	});

	it("starts no job after the time box and hands back what it did not start", async () => {
		const messages = batch(Array.from({ length: 10 }, (_, i) => sync("a.myshopify.com", `a${i}`)));
		const started: string[] = [];
		const startBefore = Date.now() + 300;
		const unstarted = await runByShop(
			messages,
			async (m) => {
				started.push((m.body as { productId: string }).productId);
				await scheduler.wait(200);
			},
			startBefore,
		);
		// The first JOBS_PER_SHOP start at once; at 200 ms each lane starts one more; at 400 ms the box is over.
		expect(started).toEqual(Array.from({ length: 2 * JOBS_PER_SHOP }, (_, i) => `a${i}`));
		expect(unstarted.map((m) => (m.body as { productId: string }).productId)).toEqual(["a8", "a9"]);
	});
});
