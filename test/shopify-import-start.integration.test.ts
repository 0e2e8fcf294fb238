import { env, exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../worker/db/client";
import { imports } from "../worker/db/schema";
import { STALLED_AFTER_MS } from "../worker/shopify/import/start";
import { APP, seedInstalledShop, sessionFor, spyOnSyncQueue } from "./support/shopify";

const db = createDb(env.DB);
let queue: ReturnType<typeof spyOnSyncQueue>;
beforeEach(() => {
	queue = spyOnSyncQueue();
});
afterEach(() => vi.restoreAllMocks());

const post = async (shop: string) => {
	const res = await exports.default.fetch(`${APP}/api/import`, { method: "POST", headers: await sessionFor(shop) });
	return { status: res.status, body: await res.json<{ started: boolean; import: { id: string; status: string } }>() };
};

describe("POST /api/import", () => {
	it("starts one import even when asked twice at once", async () => {
		const shop = "import-twice.myshopify.com";
		await seedInstalledShop(shop);
		const [a, b] = await Promise.all([post(shop), post(shop)]);
		expect([a.body.import.id, a.body.import.status]).toEqual([b.body.import.id, "running"]);
		expect([a.body.started, b.body.started].sort()).toEqual([false, true]);
		expect(await db.select().from(imports).where(eq(imports.shopId, shop))).toHaveLength(1);
		expect(queue.messages()).toEqual([{ type: "import.page", shopId: shop, importId: a.body.import.id, cursor: null }]);
	});

	it("resumes a stalled import from its cursor instead of starting over", async () => {
		const shop = "import-stalled.myshopify.com";
		await seedInstalledShop(shop);
		const long = Date.now() - STALLED_AFTER_MS - 1000;
		await db
			.insert(imports)
			.values({ shopId: shop, id: "stalled", status: "running", cursor: "c-42", imported: 42, createdAt: long, updatedAt: long });
		const { status, body } = await post(shop);
		expect([status, body.started, body.import.id]).toEqual([200, false, "stalled"]);
		expect(queue.messages()).toEqual([{ type: "import.page", shopId: shop, importId: "stalled", cursor: "c-42" }]);
	});

	it("restarts a finished import, and refuses a shop that is not installed (409)", async () => {
		const shop = "import-restart.myshopify.com";
		await seedInstalledShop(shop);
		await db
			.insert(imports)
			.values({ shopId: shop, id: "old", status: "done", imported: 3, total: 3, createdAt: 1, updatedAt: 1, finishedAt: 1 });
		const { status, body } = await post(shop);
		expect([status, body.started]).toEqual([202, true]);
		expect(body.import.id).not.toBe("old");
		const refused = await exports.default.fetch(`${APP}/api/import`, {
			method: "POST",
			headers: await sessionFor("never-installed.myshopify.com"),
		});
		expect(refused.status).toBe(409);
		expect(await refused.json()).toMatchObject({ error: { code: "NOT_CONNECTED" } });
	});
});
