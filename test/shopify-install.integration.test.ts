import { env, exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openSecret } from "../worker/crypto/secret-box";
import { createDb } from "../worker/db/client";
import { imports, shops } from "../worker/db/schema";
import { uniqueShop } from "./sandbox/shopify/client";
import { TEST_SECRETS } from "./support/secrets";
import { APP, deliverWebhook, installShop, runQueuedJobs, sandbox, sessionFor, spyOnSyncQueue } from "./support/shopify";

const db = createDb(env.DB);
let queue: ReturnType<typeof spyOnSyncQueue>;
beforeEach(() => {
	queue = spyOnSyncQueue();
});
afterEach(() => vi.restoreAllMocks());

const shopRow = async (shop: string) => (await db.select().from(shops).where(eq(shops.id, shop)))[0];

describe("POST /api/session (install by token exchange)", () => {
	it("exchanges the session token, stores the tokens sealed, reads the shop, subscribes the webhooks and starts the import", async () => {
		const shop = uniqueShop("install");
		const result = await installShop(shop);
		expect(result).toMatchObject({ shop, installed: true });
		expect(result.importId).toBeTruthy();

		const row = await shopRow(shop);
		const described = await sandbox().describe(shop);
		expect([row.name, row.currency, row.weightUnit, row.uninstalledAt]).toEqual([described.body.name, "USD", "lb", null]);
		expect(row.installedAt).not.toBeNull();
		// Sealed at rest, bound to the shop, and a working expiring token with its refresh token.
		expect(row.shopifyAccessTokenEnc).toMatch(/^v1\./);
		expect(row.shopifyAccessTokenEnc).not.toContain("shpat_");
		const access = await openSecret(row.shopifyAccessTokenEnc, shop, TEST_SECRETS.TOKEN_ENCRYPTION_KEY);
		expect(access).toMatch(/^shpat_/);
		expect(await openSecret(row.shopifyAccessTokenEnc, "other.myshopify.com", TEST_SECRETS.TOKEN_ENCRYPTION_KEY)).toBeNull();
		expect(row.shopifyTokenExpiresAt! - Date.now()).toBeGreaterThan(50 * 60_000);
		expect(row.shopifyRefreshTokenEnc).toMatch(/^v1\./);

		const subscriptions = (described.body.subscriptions as { topic: string; uri: string }[]).map((s) => [s.topic, s.uri]).sort();
		expect(subscriptions).toEqual(
			["APP_UNINSTALLED", "INVENTORY_ITEMS_UPDATE", "PRODUCTS_CREATE", "PRODUCTS_DELETE", "PRODUCTS_UPDATE"].map((t) => [
				t,
				`${APP}/webhooks/shopify`,
			]),
		);
		expect(queue.messages()).toEqual([{ type: "import.page", shopId: shop, importId: result.importId, cursor: null }]);
	});

	it("changes nothing when called again (no second token, subscription or import)", async () => {
		const shop = uniqueShop("again");
		const first = await installShop(shop);
		const before = await shopRow(shop);
		const second = await installShop(shop);
		expect(second.importId).toBe(first.importId);
		expect((await shopRow(shop)).shopifyAccessTokenEnc).toBe(before.shopifyAccessTokenEnc);
		expect(await db.select().from(imports).where(eq(imports.shopId, shop))).toHaveLength(1);
		expect((await sandbox().describe(shop)).body.subscriptions).toHaveLength(5);
		expect(queue.messages()).toHaveLength(1);
	});

	it("reinstalls after an uninstall: new tokens, uninstalled_at cleared, a fresh import", async () => {
		const shop = uniqueShop("reinstall");
		const first = await installShop(shop);
		const res = await deliverWebhook("app/uninstalled", shop, JSON.stringify({ id: 1, myshopify_domain: shop }), {
			triggeredAt: new Date(Date.now() + 1000).toISOString(),
		});
		expect(await res.json()).toMatchObject({ outcome: "uninstalled" });
		expect((await shopRow(shop)).shopifyAccessTokenEnc).toBeNull();

		const again = await installShop(shop);
		const row = await shopRow(shop);
		expect(row.uninstalledAt).toBeNull();
		expect(row.shopifyAccessTokenEnc).toMatch(/^v1\./);
		expect(again.importId).not.toBe(first.importId);
	});

	it("answers 401 when Shopify refuses the session token, storing nothing", async () => {
		const shop = uniqueShop("refused");
		await sandbox().createStore({ shop, productCount: 1 });
		// `dest` with a trailing slash names the same host, so our check accepts it; Shopify's exchange compares it exactly.
		const headers = await sessionFor(shop, { claims: { dest: `https://${shop}/` } });
		const res = await exports.default.fetch(`${APP}/api/session`, { method: "POST", headers });
		const body = await res.json<{ error: { code: string; message: string } }>();
		expect(res.status, JSON.stringify(body)).toBe(401);
		expect(body.error.message).toMatch(/Shopify refused the session token/);
		expect(await shopRow(shop)).toBeUndefined();
	});
});

describe("a token Shopify revoked without an app/uninstalled reaching us", () => {
	it("is forgotten by the job that meets the 401, and the next POST /api/session installs again", async () => {
		const shop = uniqueShop("revoked");
		const first = await installShop(shop);
		await sandbox().uninstall(shop); // revokes every token; its webhook is never delivered here
		const [page] = await runQueuedJobs(queue, ["import.page"]);
		expect(page.acked).toBe(true);
		const [failedImport] = await db.select().from(imports).where(eq(imports.id, first.importId!));
		expect([failedImport.status, failedImport.error]).toEqual(["failed", expect.stringMatching(/refused the access token/)]);
		expect([(await shopRow(shop)).shopifyAccessTokenEnc, (await shopRow(shop)).installedAt]).toEqual([null, null]);

		const again = await installShop(shop);
		expect(again.importId).not.toBe(first.importId);
		const [retried] = await runQueuedJobs(queue, ["import.page"]);
		expect(retried.acked).toBe(true);
		const [running] = await db.select().from(imports).where(eq(imports.id, again.importId!));
		expect(running.imported).toBeGreaterThan(0);
	});
});

describe("tenant isolation", () => {
	it("a session for shop A never reads or changes shop B's import", async () => {
		const a = uniqueShop("tenant-a");
		const b = uniqueShop("tenant-b");
		const installedB = await installShop(b);
		const res = await exports.default.fetch(`${APP}/api/import`, { headers: await sessionFor(a) });
		expect(await res.json()).toEqual({ import: null });
		const post = await exports.default.fetch(`${APP}/api/import`, { method: "POST", headers: await sessionFor(a) });
		expect(post.status).toBe(409);
		const mine = await exports.default.fetch(`${APP}/api/import`, { headers: await sessionFor(b) });
		expect((await mine.json<{ import: { id: string } }>()).import.id).toBe(installedB.importId);
	});
});
