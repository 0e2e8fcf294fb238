/** TikTok Shop webhook signature: the worked vector of reference §7.3, and the envelope it yields. */
import { describe, expect, it } from "vitest";
import { verifyTikTokWebhook } from "../worker/tiktok/webhook";
import { hmacSha256Hex } from "./support/tiktok-sign";

const keys = { appKey: "fake_app_key", appSecret: "fake_app_secret" };
const body =
	'{"type":1,"shop_id":"7494726673780148744","timestamp":1664095733,"data":{"order_id":"576684019603311365","order_status":"AWAITING_SHIPMENT","update_time":1664095610}}';
const expected = "21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27";

describe("verifyTikTokWebhook", () => {
	it("matches the worked vector: hex(HMAC_SHA256(app_secret, app_key + raw body))", async () => {
		expect(await hmacSha256Hex(keys.appSecret, keys.appKey + body)).toBe(expected);
		const result = await verifyTikTokWebhook(new TextEncoder().encode(body), expected, keys);
		expect(result).toEqual({
			ok: true,
			envelope: {
				type: 1,
				tts_notification_id: null,
				shop_id: "7494726673780148744",
				timestamp: 1664095733,
				data: { order_id: "576684019603311365", order_status: "AWAITING_SHIPMENT", update_time: 1664095610 },
			},
		});
	});

	it("accepts the hex in upper case", async () => {
		expect((await verifyTikTokWebhook(body, expected.toUpperCase(), keys)).ok).toBe(true);
	});

	it("rejects a missing header, a wrong digest, non-hex, and a body changed by one byte", async () => {
		expect(await verifyTikTokWebhook(body, null, keys)).toEqual({ ok: false, reason: "missing_signature" });
		expect(await verifyTikTokWebhook(body, `Bearer ${expected}`, keys)).toEqual({ ok: false, reason: "bad_signature" });
		expect(await verifyTikTokWebhook(body, expected.replace(/^2/, "3"), keys)).toEqual({ ok: false, reason: "bad_signature" });
		expect(await verifyTikTokWebhook(body.replace("1664095733", "1664095734"), expected, keys)).toEqual({
			ok: false,
			reason: "bad_signature",
		});
		expect(await verifyTikTokWebhook(body, expected, { ...keys, appKey: "other" })).toEqual({ ok: false, reason: "bad_signature" });
	});

	it("keeps a bare big product_id exact and reads tts_notification_id", async () => {
		const raw =
			'{"type":5,"tts_notification_id":"7327112393057371910","shop_id":"7494049642642441621","timestamp":1644412885,"data":{"product_id":1729592969712207008,"status":"PRODUCT_FIRST_PASS_REVIEW","suspended_reason":"","update_time":1644412885}}';
		const signature = await hmacSha256Hex(keys.appSecret, keys.appKey + raw);
		const result = await verifyTikTokWebhook(raw, signature, keys);
		expect(result.ok && result.envelope.tts_notification_id).toBe("7327112393057371910");
		expect(result.ok && result.envelope.data.product_id).toBe("1729592969712207008");
	});

	it("reports a correctly signed but malformed body as malformed, not as valid", async () => {
		const raw = '{"type":"five"}';
		const result = await verifyTikTokWebhook(raw, await hmacSha256Hex(keys.appSecret, keys.appKey + raw), keys);
		expect(result).toEqual({ ok: false, reason: "malformed_body" });
	});
});
