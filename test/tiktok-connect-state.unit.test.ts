/** The signed OAuth state of Connect TikTok Shop: a hono/jwt HS256 token that carries the shop and a nonce, expires, cannot be forged. */
import { decode, sign, verify } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { STATE_TTL_SECONDS, purposeKey, signConnectState, verifyConnectState } from "../worker/tiktok/connect/state";

const secret = "sandbox-app-secret";
const nowS = () => Math.floor(Date.now() / 1000);

describe("connect state", () => {
	it("is a JWT carrying the shop, a random jti and a ten-minute exp, and round-trips", async () => {
		const now = nowS();
		const issued = await signConnectState("demo.myshopify.com", secret, now);
		const { header, payload } = decode(issued.state);
		expect(header.alg).toBe("HS256");
		expect(payload).toMatchObject({ sub: "demo.myshopify.com", jti: issued.jti, exp: now + STATE_TTL_SECONDS });
		expect(issued.jti).toMatch(/^[0-9a-f-]{36}$/);
		expect(issued.expiresAtMs).toBe((now + STATE_TTL_SECONDS) * 1000);
		expect(await verifyConnectState(issued.state, secret)).toEqual({ ok: true, shopId: "demo.myshopify.com", jti: issued.jti });
	});

	it("gives every state its own jti", async () => {
		const jtis = new Set<string>();
		for (let i = 0; i < 20; i++) jtis.add((await signConnectState("demo.myshopify.com", secret)).jti);
		expect(jtis.size).toBe(20);
	});

	it("expires after ten minutes", async () => {
		const stale = await signConnectState("demo.myshopify.com", secret, nowS() - STATE_TTL_SECONDS - 1);
		expect(await verifyConnectState(stale.state, secret)).toEqual({ ok: false, reason: "expired" });
	});

	it("rejects a state signed with another secret, or with its payload swapped", async () => {
		const { state } = await signConnectState("demo.myshopify.com", secret);
		expect(await verifyConnectState(state, "other-secret")).toEqual({ ok: false, reason: "bad_signature" });
		const [header, , mac] = state.split(".");
		const victim = (await signConnectState("victim.myshopify.com", secret)).state.split(".")[1];
		expect(await verifyConnectState(`${header}.${victim}.${mac}`, secret)).toEqual({ ok: false, reason: "bad_signature" });
	});

	it("is not signed with the raw app secret (the key is derived for this purpose)", async () => {
		const { state } = await signConnectState("demo.myshopify.com", secret);
		await expect(verify(state, secret, "HS256")).rejects.toThrow();
		const raw = await sign({ sub: "demo.myshopify.com", jti: "x", aud: "tiktok-connect", exp: nowS() + 60 }, secret, "HS256");
		expect(await verifyConnectState(raw, secret)).toEqual({ ok: false, reason: "bad_signature" });
	});

	it("refuses a correctly signed token without exp, jti or the connect audience", async () => {
		const key = await purposeKey(secret, "tiktok-connect-state/v2");
		const exp = nowS() + 60;
		const claims = [
			{ sub: "demo.myshopify.com", jti: "n", aud: "tiktok-connect" },
			{ sub: "demo.myshopify.com", aud: "tiktok-connect", exp },
			{ sub: "demo.myshopify.com", jti: "n", exp },
			{ sub: "demo.myshopify.com", jti: "n", aud: "shopify-session", exp },
		];
		for (const payload of claims) {
			expect(await verifyConnectState(await sign(payload, key, "HS256"), secret), JSON.stringify(payload)).toEqual({
				ok: false,
				reason: "malformed",
			});
		}
	});

	it("rejects malformed input", async () => {
		for (const bad of ["", "abc", "a.b.c", "!!.??", "a.b"]) {
			expect((await verifyConnectState(bad, secret)).ok).toBe(false);
		}
	});
});
