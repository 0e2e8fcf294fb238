/**
 * A run's sync messages become visible at the pace the shop's write budget will
 * reach them, one batch early, so every shop with work has about one box's
 * worth in the queue when a batch is taken (pacing/backlog.ts).
 */
import { describe, expect, it } from "vitest";
import { releaseSchedule } from "../worker/pacing/backlog";
import { RELEASE_LEAD_SECONDS, WRITES_PER_SYNC } from "../worker/pacing/policy";
import type { QueueMessage } from "../worker/jobs/messages";
import { enqueueSyncs } from "../worker/sync/runs";

function capturingQueue() {
	const sent: MessageSendRequest<QueueMessage>[] = [];
	const queue = {
		send: async () => {},
		sendBatch: async (batch: Iterable<MessageSendRequest<QueueMessage>>) => void sent.push(...batch),
	} as unknown as Queue;
	return { queue, sent };
}

const products = (n: number) => Array.from({ length: n }, (_, i) => ({ productId: String(1000 + i), generation: 0 }));

describe("releasing a run's syncs at the shop's pace", () => {
	it("the first batch's worth goes at once, then one product every WRITES_PER_SYNC writes' time", async () => {
		const rate = 4;
		const { queue, sent } = capturingQueue();
		await enqueueSyncs(queue, "pace.myshopify.com", "run-1", products(40), releaseSchedule(rate, 0));
		const delays = sent.map((m) => m.delaySeconds ?? 0);
		const perLead = (rate * RELEASE_LEAD_SECONDS) / WRITES_PER_SYNC;
		expect(delays.slice(0, perLead + 1).every((d) => d === 0)).toBe(true);
		expect(delays[perLead + 1]).toBeGreaterThan(0);
		expect(delays.at(-1)).toBe(Math.floor((39 * WRITES_PER_SYNC) / rate - RELEASE_LEAD_SECONDS));
		for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
		expect(sent).toHaveLength(40);
		expect(new Set(sent.map((m) => (m.body as { productId: string }).productId)).size).toBe(40);
	});

	it("a top-up follows the products already waiting", async () => {
		const { queue, sent } = capturingQueue();
		await enqueueSyncs(queue, "pace.myshopify.com", "run-1", products(1), releaseSchedule(4, 30));
		expect(sent[0].delaySeconds).toBe(Math.floor((30 * WRITES_PER_SYNC) / 4 - RELEASE_LEAD_SECONDS));
	});

	it("without a schedule every message goes at once", async () => {
		const { queue, sent } = capturingQueue();
		await enqueueSyncs(queue, "pace.myshopify.com", null, products(3));
		expect(sent.map((m) => m.delaySeconds)).toEqual([undefined, undefined, undefined]);
	});
});
