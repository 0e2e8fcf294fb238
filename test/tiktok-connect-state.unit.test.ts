/** The signed OAuth state of Connect TikTok Shop: carries the shop, expires, cannot be forged. */
import { describe, expect, it } from "vitest";
import { STATE_TTL_SECONDS, signConnectState, verifyConnectState } from "../worker/tiktok/connect/state";

const secret = "sandbox-app-secret";
const now = 1_700_000_000;

describe("connect state", () => {
	it("round-trips the shop within its lifetime", async () => {
		const state = await signConnectState("demo.myshopify.com", secret, now);
		expect(await verifyConnectState(state, secret, now + STATE_TTL_SECONDS - 1)).toEqual({ ok: true, shopId: "demo.myshopify.com" });
	});

	it("expires after about ten minutes", async () => {
		const state = await signConnectState("demo.myshopify.com", secret, now);
		expect(await verifyConnectState(state, secret, now + STATE_TTL_SECONDS + 1)).toEqual({ ok: false, reason: "expired" });
	});

	it("rejects a state signed with another secret, or with its payload swapped", async () => {
		const state = await signConnectState("demo.myshopify.com", secret, now);
		expect(await verifyConnectState(state, "other-secret", now)).toEqual({ ok: false, reason: "bad_signature" });
		const other = await signConnectState("victim.myshopify.com", secret, now);
		const forged = `${other.split(".")[0]}.${state.split(".")[1]}`;
		expect(await verifyConnectState(forged, secret, now)).toEqual({ ok: false, reason: "bad_signature" });
	});

	it("is not the raw app-secret HMAC of the payload (the key is derived for this purpose)", async () => {
		const state = await signConnectState("demo.myshopify.com", secret, now);
		const [payload, mac] = state.split(".");
		const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
		const raw = new Uint8Array(await crypto.subtle.sign("HMAC", key, Uint8Array.from(atob(payload.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0))));
		const rawB64 = btoa(String.fromCharCode(...raw)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
		expect(mac).not.toBe(rawB64);
	});

	it("rejects malformed input", async () => {
		for (const bad of ["", "abc", "a.b.c", "!!.??"]) {
			expect((await verifyConnectState(bad, secret, now)).ok).toBe(false);
		}
	});
});
