import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookHmac } from "../worker/shopify/webhooks/verify";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("verifyWebhookHmac", () => {
	it("accepts Shopify's own vector (shopify-app-js validate.test.ts)", async () => {
		const body = bytes('{"foo": "bar"}');
		expect(body.byteLength).toBe(14);
		expect(await verifyWebhookHmac(body, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=", ["test_secret_key"])).toBe(true);
		expect(await signWebhookBody(body, "test_secret_key")).toBe("B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=");
	});

	it("accepts the second reference vector", async () => {
		expect(await verifyWebhookHmac(bytes('{"id":1,"title":"x"}'), "t7sGPmt4XX4PHAjmoOF6wr6Bka0lt6mw7ops2/w5wH4=", ["hush"])).toBe(true);
	});

	it("accepts the previous secret during a rotation, and only the configured ones", async () => {
		const body = bytes('{"foo": "bar"}');
		const header = "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=";
		expect(await verifyWebhookHmac(body, header, ["new_secret", "test_secret_key"])).toBe(true);
		expect(await verifyWebhookHmac(body, header, ["new_secret", ""])).toBe(false);
	});

	it("rejects a changed body, a missing header, a wrong length and non-base64 text", async () => {
		const header = "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=";
		expect(await verifyWebhookHmac(bytes('{"foo":"bar"}'), header, ["test_secret_key"])).toBe(false);
		expect(await verifyWebhookHmac(bytes('{"foo": "bar"}'), null, ["test_secret_key"])).toBe(false);
		expect(await verifyWebhookHmac(bytes('{"foo": "bar"}'), header.slice(0, 20), ["test_secret_key"])).toBe(false);
		expect(await verifyWebhookHmac(bytes('{"foo": "bar"}'), "not base64!!", ["test_secret_key"])).toBe(false);
		// The hex form of the right MAC is not what Shopify sends.
		expect(
			await verifyWebhookHmac(bytes('{"foo": "bar"}'), "076ded5cdebcd60674a8858d46b82dcc113d5d20e8e72694bbac1f9a1bb76bb8", [
				"test_secret_key",
			]),
		).toBe(false);
	});
});
