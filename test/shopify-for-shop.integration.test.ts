import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../worker/db/client";
import { shops } from "../worker/db/schema";
import { SHOP_INFO } from "../worker/shopify/admin/queries";
import { REFRESH_MARGIN_MS, shopifyForShop } from "../worker/shopify/for-shop";
import { uniqueShop } from "./sandbox/shopify/client";
import { installShop, sandbox, seedInstalledShop, spyOnSyncQueue } from "./support/shopify";

const db = createDb(env.DB);
beforeEach(() => {
	spyOnSyncQueue();
});
afterEach(() => vi.restoreAllMocks());

const shopRow = async (shop: string) => (await db.select().from(shops).where(eq(shops.id, shop)))[0];
/** Makes the stored access token look like it expires in a minute (inside the refresh margin). */
const expireSoon = (shop: string) =>
	db
		.update(shops)
		.set({ shopifyTokenExpiresAt: Date.now() + 60_000 })
		.where(eq(shops.id, shop));

async function shopName(shop: string) {
	const client = await shopifyForShop(env, db, shop);
	if (!client.ok) return client.reason;
	const res = await client.graphql<{ shop: { name: string } }>(SHOP_INFO);
	return res.ok ? res.data.shop.name : res.reason;
}

describe("shopifyForShop", () => {
	it("uses the stored token while it is fresh", async () => {
		const shop = uniqueShop("fresh");
		await installShop(shop);
		const before = await shopRow(shop);
		expect(await shopName(shop)).toBe((await sandbox().describe(shop)).body.name);
		expect((await shopRow(shop)).shopifyAccessTokenEnc).toBe(before.shopifyAccessTokenEnc);
	});

	it(`refreshes a token expiring within ${REFRESH_MARGIN_MS / 60_000} minutes and stores the new pair`, async () => {
		const shop = uniqueShop("refresh");
		await installShop(shop);
		await expireSoon(shop);
		const before = await shopRow(shop);
		expect(await shopName(shop)).toBe((await sandbox().describe(shop)).body.name);
		const after = await shopRow(shop);
		expect(after.shopifyAccessTokenEnc).not.toBe(before.shopifyAccessTokenEnc);
		expect(after.shopifyRefreshTokenEnc).not.toBe(before.shopifyRefreshTokenEnc);
		expect(after.shopifyTokenExpiresAt! - Date.now()).toBeGreaterThan(50 * 60_000);
	});

	it("keeps one pair when two consumers refresh at once, and that pair keeps working", async () => {
		const shop = uniqueShop("race");
		await installShop(shop);
		await expireSoon(shop);
		const name = (await sandbox().describe(shop)).body.name;
		expect(await Promise.all([shopName(shop), shopName(shop)])).toEqual([name, name]);
		// The stored refresh token is live: the next refresh works too.
		await expireSoon(shop);
		expect(await shopName(shop)).toBe(name);
	});

	it("says why there is no client: unknown shop, uninstalled, refresh refused or expired", async () => {
		expect(await shopName(uniqueShop("unknown"))).toBe("not_installed");

		const gone = uniqueShop("gone");
		await seedInstalledShop(gone, { uninstalledAt: Date.now() });
		expect(await shopName(gone)).toBe("uninstalled");

		const refused = uniqueShop("refused");
		await installShop(refused);
		await sandbox().expireTokens(refused, true);
		await expireSoon(refused);
		expect(await shopName(refused)).toBe("refresh_refused");

		const stale = uniqueShop("stale");
		await seedInstalledShop(stale, { shopifyTokenExpiresAt: Date.now() - 1, shopifyRefreshExpiresAt: Date.now() - 1 });
		expect(await shopName(stale)).toBe("refresh_expired");
	});
});
