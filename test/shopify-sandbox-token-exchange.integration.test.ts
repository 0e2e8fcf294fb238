/**
 * Token exchange (an App Bridge session token for an expiring offline access
 * token), refresh-token rotation, the expiry knob, and the 401 every Admin call
 * gets with a token Shopify does not know.
 * @see shopify.md §4.3–4.4
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { mintSessionToken } from "../worker/auth/session-token";
import { shopifySandbox, uniqueShop } from "./sandbox/shopify/client";

const sandbox = shopifySandbox(env.SHOPIFY_ADMIN_BASE);
const shop = uniqueShop("token-exchange");
const keys = { clientId: env.SHOPIFY_API_KEY, secret: env.SHOPIFY_API_SECRET };
const INVALID = "[API] Invalid API key or access token (unrecognized login or wrong password)";

const exchange = (subjectToken: string, overrides: Record<string, string> = {}) =>
	sandbox.accessToken(shop, {
		client_id: keys.clientId,
		client_secret: keys.secret,
		grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
		subject_token: subjectToken,
		subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
		requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
		expiring: "1",
		...overrides,
	});

const refresh = (refreshToken: string) =>
	sandbox.accessToken(shop, {
		client_id: keys.clientId,
		client_secret: keys.secret,
		grant_type: "refresh_token",
		refresh_token: refreshToken,
	});

const shopName = (token: string) => sandbox.graphql(shop, token, `{ shop { name myshopifyDomain } }`);

beforeAll(async () => {
	expect((await sandbox.createStore({ shop, productCount: 3 })).status).toBe(201);
});

describe("token exchange", () => {
	it("exchanges a valid session token for an expiring offline token that the Admin API accepts", async () => {
		const res = await exchange(await mintSessionToken(shop, keys));
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			scope: "read_products,read_inventory",
			expires_in: 3600,
			refresh_token_expires_in: expect.any(Number),
		});
		expect(res.body.access_token).toMatch(/^shpat_/);
		expect(res.body.refresh_token).toMatch(/^shprt_/);
		const admin = await shopName(res.body.access_token);
		expect(admin.status).toBe(200);
		expect(admin.body.data.shop.myshopifyDomain).toBe(shop);
	});

	it.each([
		["signed with another secret", () => mintSessionToken(shop, { ...keys, secret: "not-the-secret" })],
		["for another shop", () => mintSessionToken(uniqueShop("elsewhere"), keys)],
		["for another app", () => mintSessionToken(shop, { ...keys, clientId: "another-app" })],
		["expired", () => mintSessionToken(shop, keys, Math.floor(Date.now() / 1000) - 600)],
		["malformed", async () => "not.a.jwt"],
	])("refuses a session token %s with 400 invalid_subject_token", async (_label, token) => {
		const res = await exchange(await token());
		expect(res.status).toBe(400);
		expect(res.body.error).toBe("invalid_subject_token");
	});

	it("refuses wrong client credentials", async () => {
		const res = await exchange(await mintSessionToken(shop, keys), { client_secret: "wrong" });
		expect(res.status).toBe(401);
		expect(res.body.error).toBe("invalid_client");
	});

	it("answers 401 to an unknown access token and to a missing one", async () => {
		for (const token of ["shpat_00000000000000000000000000000000", null]) {
			const res = await sandbox.graphql(shop, token, `{ shop { name } }`);
			expect(res.status).toBe(401);
			expect(res.body).toEqual({ errors: INVALID });
		}
	});

	it("rotates the pair on refresh, lets the previous refresh token work once more, then refuses it", async () => {
		const first = (await exchange(await mintSessionToken(shop, keys))).body;
		const second = await refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect(second.body.refresh_token).not.toBe(first.refresh_token);
		expect((await shopName(second.body.access_token)).status).toBe(200);

		const grace = await refresh(first.refresh_token);
		expect(grace.status).toBe(200);
		const spent = await refresh(first.refresh_token);
		expect(spent.status).toBe(400);
		expect(spent.body.error).toBe("invalid_grant");
	});

	it("ends the previous refresh token's grace once its successor is used", async () => {
		const first = (await exchange(await mintSessionToken(shop, keys))).body;
		const second = (await refresh(first.refresh_token)).body;
		expect((await refresh(second.refresh_token)).status).toBe(200);
		expect((await refresh(first.refresh_token)).status).toBe(400);
	});

	it("expires access tokens on request (knob) so the app must refresh", async () => {
		const grant = (await exchange(await mintSessionToken(shop, keys))).body;
		expect((await shopName(grant.access_token)).status).toBe(200);
		await sandbox.expireTokens(shop);
		expect((await shopName(grant.access_token)).status).toBe(401);
		const renewed = await refresh(grant.refresh_token);
		expect(renewed.status).toBe(200);
		expect((await shopName(renewed.body.access_token)).status).toBe(200);
	});
});
