/**
 * The one HMAC-SHA256 and the encodings every signature goes through (Shopify
 * webhooks and OAuth, TikTok requests and webhooks, the sandboxes): pinned to
 * RFC 4231's vectors, so the app and the sandboxes cannot share a wrong MAC.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64, fromHex, toBase64, toHex } from "../worker/crypto/encoding";
import { hmacSha256, verifyHmac } from "../worker/crypto/hmac";

// RFC 4231 §4.2 and §4.3 (test cases 1 and 2).
const case1 = { key: "\x0b".repeat(20), data: "Hi There", mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" };
const case2 = {
	key: "Jefe",
	data: "what do ya want for nothing?",
	mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
};

describe("hmacSha256", () => {
	it("matches RFC 4231 for text and for bytes", async () => {
		expect(toHex(await hmacSha256(case1.key, case1.data))).toBe(case1.mac);
		const bytes = new TextEncoder().encode(case2.data);
		expect(toHex(await hmacSha256(case2.key, bytes))).toBe(case2.mac);
		expect(toHex(await hmacSha256(case2.key, bytes.buffer as ArrayBuffer))).toBe(case2.mac);
	});
});

describe("verifyHmac", () => {
	const mac = fromHex(case2.mac);

	it("accepts the MAC under any of the secrets, skipping empty ones", async () => {
		expect(await verifyHmac([case2.key], case2.data, mac)).toBe(true);
		expect(await verifyHmac(["", "rotated", case2.key], case2.data, mac)).toBe(true);
		expect(await verifyHmac(["", "rotated"], case2.data, mac)).toBe(false);
		expect(await verifyHmac([], case2.data, mac)).toBe(false);
	});

	it("rejects changed data, a truncated or missing MAC, and one flipped bit", async () => {
		expect(await verifyHmac([case2.key], `${case2.data} `, mac)).toBe(false);
		expect(await verifyHmac([case2.key], case2.data, mac!.slice(0, 31))).toBe(false);
		expect(await verifyHmac([case2.key], case2.data, new Uint8Array(0))).toBe(false);
		expect(await verifyHmac([case2.key], case2.data, null)).toBe(false);
		const flipped = mac!.slice();
		flipped[31] ^= 1;
		expect(await verifyHmac([case2.key], case2.data, flipped)).toBe(false);
	});
});

describe("hex and base64", () => {
	it("round-trip any bytes; hex is lower case out and either case in", () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
				const hex = toHex(bytes);
				expect(hex).toMatch(/^(?:[0-9a-f]{2})*$/);
				expect(fromHex(hex)).toEqual(bytes);
				expect(fromHex(hex.toUpperCase())).toEqual(bytes);
				expect(fromBase64(toBase64(bytes))).toEqual(bytes);
			}),
		);
	});

	it("answer null for text that is not hex or base64", () => {
		expect(fromHex("abc")).toBeNull();
		expect(fromHex("zz")).toBeNull();
		expect(fromHex("0x12")).toBeNull();
		expect(fromBase64("not base64!!")).toBeNull();
	});
});
