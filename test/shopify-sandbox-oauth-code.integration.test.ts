/**
 * The authorization code grant: /admin/oauth/authorize approves at once and
 * redirects with a code and a query HMAC the app can verify (shopify.md §4.5);
 * the code is exchanged once for a token.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { toHex } from "../worker/crypto/encoding";
import { hmacSha256 } from "../worker/crypto/hmac";
import { shopifySandbox, uniqueShop } from "./sandbox/shopify/client";

const sandbox = shopifySandbox(env.SHOPIFY_ADMIN_BASE);
const shop = uniqueShop("oauth-code");

const hmacHex = async (secret: string, message: string) => toHex(await hmacSha256(secret, message));

/** Shopify's rule: drop hmac, sort keys, `k=v` joined by `&`, URL-encoded with spaces as %20. */
function signedMessage(params: URLSearchParams) {
	const entries = [...params].filter(([k]) => k !== "hmac").sort(([a], [b]) => a.localeCompare(b));
	return new URLSearchParams(entries).toString().replace(/\+/g, "%20");
}

async function authorize(state = "nonce 123") {
	const res = await sandbox.authorize(shop, {
		client_id: env.SHOPIFY_API_KEY,
		scope: "read_products,read_inventory",
		redirect_uri: "http://app.test/auth/callback",
		state,
	});
	expect(res.status).toBe(302);
	return new URL(res.headers.get("location")!);
}

beforeAll(async () => {
	expect((await sandbox.createStore({ shop, productCount: 1 })).status).toBe(201);
});

describe("authorization code grant", () => {
	it("redirects to the app with code, host, shop, state, timestamp and a valid HMAC", async () => {
		const location = await authorize();
		expect(`${location.origin}${location.pathname}`).toBe("http://app.test/auth/callback");
		const params = location.searchParams;
		expect(params.get("shop")).toBe(shop);
		expect(params.get("state")).toBe("nonce 123");
		expect(atob(params.get("host")!)).toBe(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`);
		expect(Math.abs(Number(params.get("timestamp")) - Date.now() / 1000)).toBeLessThan(90);
		expect(params.get("hmac")).toBe(await hmacHex(env.SHOPIFY_API_SECRET, signedMessage(params)));
	});

	it("exchanges the code once for an access token", async () => {
		const code = (await authorize()).searchParams.get("code")!;
		const body = { client_id: env.SHOPIFY_API_KEY, client_secret: env.SHOPIFY_API_SECRET, code, expiring: "1" };
		const res = await sandbox.accessToken(shop, body);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ scope: "read_products,read_inventory", expires_in: 3600 });
		const admin = await sandbox.graphql(shop, res.body.access_token, `{ shop { myshopifyDomain } }`);
		expect(admin.body.data.shop.myshopifyDomain).toBe(shop);
		const again = await sandbox.accessToken(shop, body);
		expect(again.status).toBe(400);
	});

	it("refuses an unknown client id", async () => {
		const res = await sandbox.authorize(shop, {
			client_id: "someone-else",
			scope: "read_products",
			redirect_uri: "http://app.test/auth/callback",
		});
		expect(res.status).toBe(400);
	});
});
