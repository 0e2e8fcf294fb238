/**
 * TikTok request signing against every published vector (reference §2.1), plus proof that
 * the client signs exactly the URL and body it sends.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTikTokClient } from "../worker/tiktok/client";
import { sendTikTok } from "../worker/tiktok/transport";
import { isMultipart, signatureBaseString, signRequest } from "../worker/tiktok/signing";
import { recordingFetch, tiktokOk } from "./support/tiktok";

describe("signRequest: published vectors", () => {
	it("#1 doc example: GET /authorization/202309/shops", async () => {
		const input = { appSecret: "e59af819cc", path: "/authorization/202309/shops", query: { app_key: "29a39d", timestamp: "1623812664" } };
		expect(signatureBaseString(input)).toBe("e59af819cc/authorization/202309/shopsapp_key29a39dtimestamp1623812664e59af819cc");
		expect(await signRequest(input)).toBe("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
	});

	const webhooks = {
		appSecret: "e59af819cc",
		path: "/event/202309/webhooks",
		query: { app_key: "68xu9ks5p4i8", shop_cipher: "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK", timestamp: "1696909648" },
	};

	it("#2 SKIT: GET /event/202309/webhooks with shop_cipher", async () => {
		expect(await signRequest(webhooks)).toBe("ed58e1b5e59865c22a7b828c1cab65007441f43cc91a6cb2f2cdc638e0995a37");
	});

	it("#3 SKIT: with a JSON body, event_type first", async () => {
		const body = '{"event_type":"PACKAGE_UPDATE","address":"https://partner.tiktokshop.com"}';
		expect(await signRequest({ ...webhooks, body, contentType: "application/json" })).toBe(
			"701dd6deb2389fe4c469b89bd37fc56f96a6da6afeb4d01c9077a65169752fa7",
		);
	});

	it("#3b the doc's base string: same body with address first signs differently (bytes, not JSON meaning)", async () => {
		const body = '{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}';
		expect(await signRequest({ ...webhooks, body, contentType: "application/json" })).toBe(
			"cd0d6268252f4ba293bf7ea4c0a2873bf9beec600d22530638564ab301435f7a",
		);
	});

	it("#4 EcomPHP: arbitrary param, no common params", async () => {
		const input = { appSecret: "app_secret", path: "/test-api", query: { foo: "bar" } };
		expect(signatureBaseString(input)).toBe("app_secret/test-apifoobarapp_secret");
		expect(await signRequest(input)).toBe("d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f");
	});
});

describe("signRequest: rules", () => {
	it("leaves out sign and access_token, and sorts keys by byte order", () => {
		const base = signatureBaseString({
			appSecret: "s",
			path: "/p",
			query: { timestamp: "1", sign: "x", access_token: "t", B: "2", a: "3" },
		});
		expect(base).toBe("s/pB2a3timestamp1s");
	});

	it("joins array values with commas, as the SDK does", () => {
		expect(signatureBaseString({ appSecret: "s", path: "/p", query: { ids: ["1", "2", "3"] } })).toBe("s/pids1,2,3s");
	});

	it("never signs a multipart body, whatever the boundary parameter", () => {
		const query = { app_key: "k" };
		const multipart = signatureBaseString({
			appSecret: "s",
			path: "/p",
			query,
			body: "--xyz",
			contentType: "multipart/form-data; boundary=xyz",
		});
		expect(multipart).toBe("s/papp_keyks");
		expect(isMultipart("Multipart/Form-Data ; boundary=1")).toBe(true);
		expect(isMultipart("application/json")).toBe(false);
	});
});

describe("the bytes signed are the bytes sent", () => {
	async function expectSignedAsSent(request: Request) {
		const url = new URL(request.url);
		const query = Object.fromEntries(url.searchParams);
		const contentType = request.headers.get("content-type");
		// A multipart body is binary; the signer leaves it out, so it is not read as text here.
		const body = request.method === "GET" || isMultipart(contentType) ? undefined : await request.clone().text();
		const expected = await signRequest({ appSecret: "secret", path: url.pathname, query, body, contentType });
		expect(url.searchParams.get("sign")).toBe(expected);
	}

	it("a JSON create: signature recomputed from the captured URL and body matches", async () => {
		const fake = recordingFetch(() => tiktokOk({ product_id: "1729592969712207008", skus: [] }));
		const client = createTikTokClient(
			{ appKey: "key", appSecret: "secret", apiBase: "http://tiktok.test", authBase: "http://auth.test", fetch: fake.fetch },
			{ accessToken: "tok", shopCipher: "ROW_cipher", region: "US" },
		);
		const result = await client.createProduct({
			title: "Mug ☕ “quoted”",
			description: "<p>Ceramic</p>",
			category_id: "600001",
			main_images: [{ uri: "tos/abc" }],
			skus: [{ seller_sku: "MUG-1", price: { amount: "9.99", currency: "USD" }, inventory: [{ warehouse_id: "7000", quantity: 5 }] }],
			package_weight: { value: "0.4", unit: "KILOGRAM" },
			external_product_id: "gid://shopify/Product/1",
			idempotency_key: "k-1",
		});
		expect(result.ok).toBe(true);
		const [request] = fake.requests;
		await expectSignedAsSent(request);
		const sent = JSON.parse(await request.clone().text());
		expect(sent.category_version).toBe("v2");
		expect(request.headers.get("x-tts-access-token")).toBe("tok");
		expect(new URL(request.url).searchParams.get("shop_cipher")).toBe("ROW_cipher");
	});

	it("a multipart upload: recomputed without the body, and no shop_cipher", async () => {
		const fake = recordingFetch(() => tiktokOk({ uri: "tos/img", url: "https://img", width: 300, height: 300 }));
		const client = createTikTokClient(
			{ appKey: "key", appSecret: "secret", apiBase: "http://tiktok.test", authBase: "http://auth.test", fetch: fake.fetch },
			{ accessToken: "tok", shopCipher: "ROW_cipher", region: "US" },
		);
		const result = await client.uploadImage({ data: new Uint8Array([1, 2, 3]), useCase: "MAIN_IMAGE", fileName: "a.png" });
		expect(result.ok).toBe(true);
		const [request] = fake.requests;
		expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
		expect(new URL(request.url).searchParams.has("shop_cipher")).toBe(false);
		await expectSignedAsSent(request);
		const form = await request.clone().formData();
		expect(form.get("use_case")).toBe("MAIN_IMAGE");
		expect(form.get("data")).toBeInstanceOf(File);
	});

	it("a GET with an array and characters to escape carries the same values it signed", async () => {
		const fake = recordingFetch(() => tiktokOk({}));
		const app = { appKey: "key", appSecret: "secret", apiBase: "http://tiktok.test/", authBase: "http://auth.test", fetch: fake.fetch };
		const query = { keyword: "tea & cups", ids: ["1", "2"] };
		const result = await sendTikTok(
			app,
			{ accessToken: "tok", shopCipher: "C" },
			{ method: "GET", path: "/product/202309/categories", query, schema: z.unknown() },
		);
		expect(result.ok).toBe(true);
		const url = new URL(fake.requests[0].url);
		expect(url.pathname).toBe("/product/202309/categories");
		expect(url.searchParams.get("keyword")).toBe("tea & cups");
		expect(url.searchParams.get("ids")).toBe("1,2");
		expect(url.searchParams.get("timestamp")).toMatch(/^\d{10}$/);
		await expectSignedAsSent(fake.requests[0]);
	});
});
