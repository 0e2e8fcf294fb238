import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "../worker/db/client";
import { imports } from "../worker/db/schema";
import { IMPORT_PAGE_SIZE, VARIANTS_PER_PRODUCT_PAGE } from "../worker/shopify/admin/queries";
import { uniqueShop } from "./sandbox/shopify/client";
import { installShop, runQueuedJobs, sandbox, spyOnSyncQueue } from "./support/shopify";

const SHOP = uniqueShop("import-throttle");
const PAGE_COST = IMPORT_PAGE_SIZE * (1 + VARIANTS_PER_PRODUCT_PAGE);
const RESTORE = 50;
const db = createDb(env.DB);
let queue: ReturnType<typeof spyOnSyncQueue>;

beforeAll(async () => {
	await sandbox().createStore({ shop: SHOP, productCount: 20 });
	queue = spyOnSyncQueue();
});
afterAll(() => vi.restoreAllMocks());

const importRow = async (id: string) =>
	(
		await db
			.select()
			.from(imports)
			.where(and(eq(imports.shopId, SHOP), eq(imports.id, id)))
	)[0];

describe("the import honours Shopify's query-cost bucket", () => {
	it("retries a THROTTLED page after deficit / restoreRate, then delays the next page until the bucket can pay for it", async () => {
		const { importId } = await installShop(SHOP, { productCount: 20 });
		// An empty bucket restoring 50 points/s: the first page (909 points) is THROTTLED.
		await sandbox().throttle(SHOP, { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: RESTORE });
		const [throttled] = await runQueuedJobs(queue, ["import.page"]);
		expect(throttled.acked).toBe(false);
		expect(throttled.retryDelaySeconds).toBeGreaterThanOrEqual(Math.floor(PAGE_COST / RESTORE) - 1);
		expect(throttled.retryDelaySeconds).toBeLessThanOrEqual(Math.ceil(PAGE_COST / RESTORE));
		expect((await importRow(importId!)).imported).toBe(0);

		// Exactly one page's worth, restoring slowly: the page runs; what the query did not use is refunded,
		// and the next page is delayed until the bucket again holds a page's requested cost.
		await sandbox().throttle(SHOP, { currentlyAvailable: PAGE_COST, restoreRate: 5 });
		queue.consumed -= 1; // run the retried message again, as the queue would
		const [first] = await runQueuedJobs(queue, ["import.page"], 1);
		expect(first.acked).toBe(true);
		expect((await importRow(importId!)).imported).toBe(IMPORT_PAGE_SIZE);
		const next = queue.requests().at(-1)!;
		expect(next.body).toMatchObject({ type: "import.page", cursor: expect.any(String) });
		const { currentlyAvailable } = (await sandbox().describe(SHOP)).body.throttleStatus as { currentlyAvailable: number };
		const expected = Math.ceil((PAGE_COST - currentlyAvailable) / 5);
		expect(expected).toBeGreaterThan(0);
		expect(next.delaySeconds).toBeGreaterThanOrEqual(expected - 1);
		expect(next.delaySeconds).toBeLessThanOrEqual(expected + 1);
	});
});
