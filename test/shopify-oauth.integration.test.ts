import { env, exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../worker/db/client";
import { shops } from "../worker/db/schema";
import { signQuery, verifyQueryHmac } from "../worker/shopify/auth/query-hmac";
import { uniqueShop } from "./sandbox/shopify/client";
import { TEST_SECRETS } from "./support/secrets";
import { APP, sandbox, spyOnSyncQueue } from "./support/shopify";

const SECRET = TEST_SECRETS.SHOPIFY_API_SECRET;
const db = createDb(env.DB);
const nowSeconds = () => Math.floor(Date.now() / 1000);
let queue: ReturnType<typeof spyOnSyncQueue>;
beforeEach(() => {
	queue = spyOnSyncQueue();
});
afterEach(() => vi.restoreAllMocks());

describe("query HMAC (OAuth redirects)", () => {
	it("verifies what the sandbox's authorize page signs, and refuses tampering, a missing hmac and an old timestamp", async () => {
		const shop = uniqueShop("hmac");
		await sandbox().createStore({ shop, productCount: 1 });
		const res = await sandbox().authorize(shop, {
			client_id: TEST_SECRETS.SHOPIFY_API_KEY,
			scope: "read_products",
			redirect_uri: `${APP}/auth/callback`,
			state: "s 1&x",
		});
		const params = Object.fromEntries(new URL(res.headers.get("location")!).searchParams);
		expect(await verifyQueryHmac(params, [SECRET])).toEqual({ ok: true });
		expect(await verifyQueryHmac({ ...params, shop: "other.myshopify.com" }, [SECRET])).toEqual({ ok: false, reason: "bad_hmac" });
		expect(await verifyQueryHmac({ ...params, hmac: "" }, [SECRET])).toEqual({ ok: false, reason: "missing_hmac" });
		expect(await verifyQueryHmac(params, ["another-secret"])).toEqual({ ok: false, reason: "bad_hmac" });
		expect(await verifyQueryHmac(params, [SECRET], Number(params.timestamp) + 91)).toEqual({ ok: false, reason: "stale_timestamp" });
		// Rotation: the previous secret is accepted too.
		expect(await verifyQueryHmac(params, ["new-secret", SECRET])).toEqual({ ok: true });
	});
});

async function installLink(shop: string) {
	const query = { shop, timestamp: String(nowSeconds()) };
	return `${APP}/auth/install?${new URLSearchParams({ ...query, hmac: await signQuery(query, SECRET) })}`;
}

/** GET /auth/install, then the sandbox's (auto-approving) authorize page: the callback URL and the state cookie. */
async function startInstall(shop: string) {
	const res = await exports.default.fetch(await installLink(shop), { redirect: "manual" });
	expect(res.status, await res.clone().text()).toBe(302);
	const cookie = res.headers.get("set-cookie")!.split(";")[0];
	const authorize = await fetch(res.headers.get("location")!, { redirect: "manual" });
	expect(authorize.status).toBe(302);
	return { callback: authorize.headers.get("location")!, cookie };
}

describe("authorization-code grant", () => {
	it("installs through /auth/install → authorize → /auth/callback, then redirects to the app", async () => {
		const shop = uniqueShop("oauth");
		await sandbox().createStore({ shop, productCount: 3 });
		const { callback, cookie } = await startInstall(shop);
		expect(new URL(callback).pathname).toBe("/auth/callback");

		const res = await exports.default.fetch(callback.replace(new URL(callback).origin, APP), { headers: { cookie }, redirect: "manual" });
		expect(res.status, await res.clone().text()).toBe(302);
		const app = new URL(res.headers.get("location")!);
		expect([app.pathname, app.searchParams.get("shop")]).toEqual(["/", shop]);
		const [row] = await db.select().from(shops).where(eq(shops.id, shop));
		expect(row.shopifyAccessTokenEnc).toMatch(/^v1\./);
		expect(row.installedAt).not.toBeNull();
		expect((await sandbox().describe(shop)).body.subscriptions).toHaveLength(5);
		expect(queue.messages().map((m) => m.type)).toEqual(["import.page"]);
	});

	it("refuses a callback whose state is not this browser's (403), storing nothing", async () => {
		const shop = uniqueShop("state");
		await sandbox().createStore({ shop, productCount: 1 });
		const mine = await startInstall(shop);
		const other = await startInstall(shop);
		for (const cookie of [other.cookie, ""]) {
			const res = await exports.default.fetch(mine.callback.replace(new URL(mine.callback).origin, APP), {
				headers: cookie ? { cookie } : {},
				redirect: "manual",
			});
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
		}
		expect(await db.select().from(shops).where(eq(shops.id, shop))).toEqual([]);
	});

	it("refuses an install link that is unsigned, tampered with, old, or for a shop outside myshopify.com", async () => {
		const link = new URL(await installLink("good-store.myshopify.com"));
		const cases: [string, number][] = [];
		const unsigned = new URL(link);
		unsigned.searchParams.delete("hmac");
		cases.push([unsigned.toString(), 401]);
		const tampered = new URL(link);
		tampered.searchParams.set("shop", "evil-store.myshopify.com");
		cases.push([tampered.toString(), 401]);
		const oldQuery = { shop: "good-store.myshopify.com", timestamp: String(nowSeconds() - 600) };
		cases.push([`${APP}/auth/install?${new URLSearchParams({ ...oldQuery, hmac: await signQuery(oldQuery, SECRET) })}`, 401]);
		const foreign = { shop: "evil.example.com", timestamp: String(nowSeconds()) };
		cases.push([`${APP}/auth/install?${new URLSearchParams({ ...foreign, hmac: await signQuery(foreign, SECRET) })}`, 400]);
		for (const [url, status] of cases) {
			const res = await exports.default.fetch(url, { redirect: "manual" });
			expect(res.status, url).toBe(status);
			expect(res.headers.get("set-cookie")).toBeNull();
		}
	});
});
