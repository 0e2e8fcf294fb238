/**
 * The sandbox's gateway checks, in TikTok's order: app key, presence of `sign`,
 * the timestamp window (≤ 5 min old, ≤ 30 s ahead), then the signature over path,
 * sorted query and exact body bytes (not for multipart).
 */
import { describe, expect, it } from "vitest";
import { call, newSeller, pngHeader, uploadImage } from "./support/tiktok-sandbox-client";
import { signTikTok } from "./support/tiktok-sign";

describe("test signer", () => {
	it("reproduces the documented vectors", async () => {
		const path = "/authorization/202309/shops";
		expect(await signTikTok("e59af819cc", path, { app_key: "29a39d", timestamp: "1623812664" })).toBe(
			"b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8",
		);
		const query = { app_key: "68xu9ks5p4i8", shop_cipher: "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK", timestamp: "1696909648" };
		expect(
			await signTikTok(
				"e59af819cc",
				"/event/202309/webhooks",
				query,
				'{"event_type":"PACKAGE_UPDATE","address":"https://partner.tiktokshop.com"}',
			),
		).toBe("701dd6deb2389fe4c469b89bd37fc56f96a6da6afeb4d01c9077a65169752fa7");
	});
});

describe("sandbox gateway", () => {
	it("accepts a correctly signed call", async () => {
		const seller = await newSeller();
		const res = await call(seller, "GET", "/authorization/202309/shops");
		expect(res.status, res.text).toBe(200);
		expect(res.body.code).toBe(0);
		expect(res.body.data.shops[0]).toMatchObject({ id: seller.shop_id, cipher: seller.shop_cipher, region: "US", seller_type: "LOCAL" });
		expect(res.body.request_id).toMatch(/^\d{14}[0-9A-F]{20}$/);
	});

	it("refuses a wrong signature with 106001 and HTTP 401", async () => {
		const seller = await newSeller();
		const res = await call(seller, "GET", "/authorization/202309/shops", { sign: "0".repeat(64) });
		expect(res.status).toBe(401);
		expect(res.body.code).toBe(106001);
	});

	it("signs the exact body bytes: a re-serialised body does not verify", async () => {
		const seller = await newSeller();
		const json = { event_type: "PRODUCT_STATUS_CHANGE", address: "https://app.test/webhooks/tiktok" };
		const reordered = JSON.stringify({ address: json.address, event_type: json.event_type });
		const res = await call(seller, "PUT", "/event/202309/webhooks", { json, signedBody: reordered });
		expect(res.body.code).toBe(106001);
		const good = await call(seller, "PUT", "/event/202309/webhooks", { json });
		expect(good.body.code, good.text).toBe(0);
	});

	it("does not sign multipart bodies", async () => {
		const seller = await newSeller();
		const res = await uploadImage(seller, pngHeader(400, 400));
		expect(res.body.code, res.text).toBe(0);
	});

	it("answers 36009004 'Missing credentials' without a sign", async () => {
		const seller = await newSeller();
		const res = await call(seller, "GET", "/authorization/202309/shops", { sign: null });
		expect(res.status).toBe(401);
		expect(res.body).toMatchObject({ code: 36009004 });
		expect(res.body.message).toMatch(/^Missing credentials/);
	});

	it("refuses timestamps older than 5 minutes or more than 30 seconds ahead", async () => {
		const seller = await newSeller();
		const now = Math.floor(Date.now() / 1000);
		const stale = await call(seller, "GET", "/authorization/202309/shops", { timestamp: now - 360 });
		expect(stale.body.code).toBe(36009004);
		expect(stale.body.message).toContain("must not be earlier than 5 minutes");
		const ahead = await call(seller, "GET", "/authorization/202309/shops", { timestamp: now + 120 });
		expect(ahead.body.code).toBe(36009004);
		expect(ahead.body.message).toContain("more than 30 seconds");
		const millis = await call(seller, "GET", "/authorization/202309/shops", { timestamp: Date.now() });
		expect(millis.body.code).toBe(36009004);
		const fine = await call(seller, "GET", "/authorization/202309/shops", { timestamp: now - 240 });
		expect(fine.body.code).toBe(0);
	});

	it("refuses an unknown app key and unknown paths or methods", async () => {
		const seller = await newSeller();
		const wrongKey = await call(seller, "GET", "/authorization/202309/shops", { query: { app_key: "someone-else" } });
		expect(wrongKey.body.code).toBe(36009004);
		expect(wrongKey.body.message).toContain("app_key");
		const path = await call(seller, "GET", "/product/202309/nothing-here");
		expect([path.status, path.body.code]).toEqual([404, 36009009]);
		const method = await call(seller, "PATCH", "/product/202309/products");
		expect([method.status, method.body.code]).toEqual([405, 36009010]);
	});
});
