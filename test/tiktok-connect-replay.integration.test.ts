/**
 * A connect state is used once, by the browser that opened its link, before it expires
 * (issues 12 and 13). Every refusal is an HTML page with a 4xx that leaves the shop's row as
 * it was: no TikTok shop, no token. The scenarios use a second sandbox seller, whose code
 * for the same state stands for "an unrelated TikTok seller completed shop B's link".
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signConnectState } from "../worker/tiktok/connect/state";
import { approveAtSandbox, callCallback, createSandboxSeller, ensureShopRow, sessionTokenFor, startConnect } from "./support/tiktok";

const shopRow = (id: string) => env.DB.prepare("SELECT * FROM shops WHERE id = ?").bind(id).first<Record<string, unknown>>();
const holders = (tiktokShopId: string) =>
	env.DB.prepare("SELECT id FROM shops WHERE tiktok_shop_id = ?")
		.bind(tiktokShopId)
		.all()
		.then((r) => r.results.map((row) => row.id));
const stateRows = (shopId: string) =>
	env.DB.prepare("SELECT jti, expires_at, started_at FROM tiktok_connect_states WHERE shop_id = ? ORDER BY created_at")
		.bind(shopId)
		.all<{ jti: string; expires_at: number; started_at: number | null }>()
		.then((r) => r.results);

async function expectRefusal(res: Response, status: number, says: RegExp) {
	const text = await res.text();
	expect(res.status, text).toBe(status);
	expect(res.headers.get("content-type")).toMatch(/^text\/html/);
	expect(text).toMatch(/<h1>TikTok Shop was not connected<\/h1>/);
	expect(text).toMatch(says);
	expect(text).toContain('href="http://app.test/#/settings"');
}

const callbackFor = (state: string, code: string) =>
	`http://app.test/auth/tiktok/callback?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`;
const codeOf = (callback: string) => new URL(callback).searchParams.get("code") ?? "";

describe("Connect TikTok Shop: one state, one browser, one connection", () => {
	it("refuses a state used a second time, even with another seller's code, and changes nothing", async () => {
		const shopId = "replay-reuse.myshopify.com";
		await ensureShopRow(shopId);
		const [first, second] = [await createSandboxSeller(), await createSandboxSeller()];
		const started = await startConnect(shopId);
		const done = await callCallback(await approveAtSandbox(started.authorizeUrl, first.seller_id), started.cookie);
		expect(done.headers.get("location")).toBe("http://app.test/#/settings?tiktok=connected");
		const connected = await shopRow(shopId);
		expect(connected?.tiktok_shop_id).toBe(first.shop_id);

		const replay = await callCallback(await approveAtSandbox(started.authorizeUrl, second.seller_id), started.cookie);
		await expectRefusal(replay, 409, /already used/);
		expect(await shopRow(shopId)).toEqual(connected);
		expect(await holders(second.shop_id)).toEqual([]);
		expect(await stateRows(shopId)).toEqual([]);
	});

	it("refuses a callback from a browser that did not open the link (the foreign seller), and the merchant can still finish", async () => {
		const shopId = "replay-foreign.myshopify.com";
		await ensureShopRow(shopId);
		const before = await shopRow(shopId);
		const [merchant, foreign] = [await createSandboxSeller(), await createSandboxSeller()];
		const started = await startConnect(shopId);
		const other = await startConnect(shopId); // another link of the same shop: its cookie is not this state's
		const jti = (await stateRows(shopId))[0]?.jti;
		const foreignCallback = await approveAtSandbox(started.authorizeUrl, foreign.seller_id);
		for (const cookie of [undefined, other.cookie, `tiktok_connect=${jti}`, `tiktok_connect=${encodeURIComponent(`${jti}.forged`)}`]) {
			await expectRefusal(await callCallback(foreignCallback, cookie), 403, /not started from this browser/);
		}
		expect(await shopRow(shopId)).toEqual(before);
		expect(await holders(foreign.shop_id)).toEqual([]);

		// The link itself opens once: a foreign browser that opens it later gets no cookie.
		const link = await exports.default.fetch(`http://app.test/auth/tiktok/start?state=${encodeURIComponent(started.state)}`, {
			redirect: "manual",
		});
		expect(link.headers.get("set-cookie")).toBeNull();
		await expectRefusal(link, 409, /already opened/);

		const own = await callCallback(await approveAtSandbox(started.authorizeUrl, merchant.seller_id), started.cookie);
		expect(own.headers.get("location")).toBe("http://app.test/#/settings?tiktok=connected");
		expect((await shopRow(shopId))?.tiktok_shop_id).toBe(merchant.shop_id);
	});

	it("connects exactly once when two callbacks with the same state arrive together", async () => {
		const shopId = "replay-race.myshopify.com";
		await ensureShopRow(shopId);
		const sellers = [await createSandboxSeller(), await createSandboxSeller()];
		const started = await startConnect(shopId);
		const callbacks = [
			await approveAtSandbox(started.authorizeUrl, sellers[0].seller_id),
			await approveAtSandbox(started.authorizeUrl, sellers[1].seller_id),
		];
		const answers = await Promise.all(callbacks.map((callback) => callCallback(callback, started.cookie)));

		const winners = answers.flatMap((res, i) => (res.headers.get("location")?.endsWith("?tiktok=connected") ? [i] : []));
		expect(winners).toHaveLength(1);
		const [winner] = winners;
		const loser = 1 - winner;
		await expectRefusal(answers[loser], 409, /already used/);
		expect((await shopRow(shopId))?.tiktok_shop_id).toBe(sellers[winner].shop_id);
		expect(await holders(sellers[loser].shop_id)).toEqual([]);
	});

	it("refuses a tampered, forged, expired or missing state with an HTML 400 at start and callback", async () => {
		const shopId = "replay-forged.myshopify.com";
		const victim = "replay-victim.myshopify.com";
		await Promise.all([ensureShopRow(shopId), ensureShopRow(victim)]);
		const before = await Promise.all([shopRow(shopId), shopRow(victim)]);
		const seller = await createSandboxSeller();
		const started = await startConnect(shopId);
		const code = codeOf(await approveAtSandbox(started.authorizeUrl, seller.seller_id));
		const [header, , mac] = started.state.split(".");
		const victimPayload = (await signConnectState(victim, env.TIKTOK_APP_SECRET)).state.split(".")[1];
		const cases: [string, RegExp][] = [
			[`${header}.${victimPayload}.${mac}`, /not issued by this app/],
			[(await signConnectState(shopId, "not-the-app-secret")).state, /not issued by this app/],
			[(await signConnectState(shopId, env.TIKTOK_APP_SECRET, Math.floor(Date.now() / 1000) - 3600)).state, /longer than 10 minutes/],
			["garbage", /malformed/],
			["", /no authorization state/],
		];
		for (const [state, says] of cases) {
			await expectRefusal(
				await exports.default.fetch(`http://app.test/auth/tiktok/start?state=${encodeURIComponent(state)}`, { redirect: "manual" }),
				400,
				says,
			);
			await expectRefusal(await callCallback(callbackFor(state, code), started.cookie), 400, says);
		}
		expect(await Promise.all([shopRow(shopId), shopRow(victim)])).toEqual(before);
		expect(await holders(seller.shop_id)).toEqual([]);
	});

	it("prunes the shop's expired states when it makes a new link, and only that shop's", async () => {
		const [shopId, other] = ["replay-prune.myshopify.com", "replay-prune-other.myshopify.com"];
		const past = Date.now() - 60_000;
		const insert = env.DB.prepare(
			"INSERT INTO tiktok_connect_states (shop_id, jti, expires_at, started_at, created_at) VALUES (?, ?, ?, NULL, ?)",
		);
		await env.DB.batch([
			insert.bind(shopId, "old-1", past, past - 600_000),
			insert.bind(shopId, "old-2", past, past - 600_000),
			insert.bind(other, "old-3", past, past - 600_000),
		]);
		const res = await exports.default.fetch("http://app.test/api/tiktok/connect", {
			method: "POST",
			headers: { authorization: `Bearer ${await sessionTokenFor(shopId)}` },
		});
		expect(res.status).toBe(200);
		const rows = await stateRows(shopId);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ started_at: null });
		expect(rows[0].expires_at).toBeGreaterThan(Date.now());
		expect((await stateRows(other)).map((r) => r.jti)).toEqual(["old-3"]);
	});
});
