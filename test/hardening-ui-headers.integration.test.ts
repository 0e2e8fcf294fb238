/**
 * Every HTML response carries the security headers, whatever the path: the
 * document at /, the UI routes a merchant may open directly (/products,
 * /settings), an unknown path (the SPA fallback) and a missing file. The
 * Worker runs first for every request (wrangler.toml `run_worker_first = true`,
 * checked below), so these requests reach it as in production; an unknown
 * /api path stays a JSON 404. dist/client may not be built in this pool: the
 * document is then a 503, with the same headers.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const SHOP = "headers-shop.myshopify.com";

async function get(path: string) {
	const res = await exports.default.fetch(`http://app.test${path}`, { headers: { accept: "text/html", "sec-fetch-mode": "navigate" } });
	await res.arrayBuffer();
	return res;
}

describe("security headers on every HTML response", () => {
	for (const path of ["/", "/products", "/settings", "/templates/new", "/no/such/page"]) {
		it(`${path} has the per-shop CSP, nosniff and a referrer policy`, async () => {
			const res = await get(`${path}?shop=${SHOP}`);
			expect([200, 503]).toContain(res.status);
			expect(res.headers.get("content-type")).toMatch(/^text\/html/);
			expect(res.headers.get("content-security-policy")).toBe(`frame-ancestors https://${SHOP} https://admin.shopify.com;`);
			expect(res.headers.get("x-content-type-options")).toBe("nosniff");
			expect(res.headers.get("referrer-policy")).toBeTruthy();
			expect(res.headers.get("x-frame-options")).toBeNull();
		});
	}

	it("a missing file is never HTML without them (with a build, ASSETS answers it with index.html)", async () => {
		const res = await get(`/assets/missing-file.js?shop=${SHOP}`);
		expect(res.status).toBeLessThan(500);
		if (res.headers.get("content-type")?.startsWith("text/html"))
			expect(res.headers.get("content-security-policy")).toContain("frame-ancestors");
		expect(res.headers.get("x-content-type-options")).toBe("nosniff");
	});

	it("a built file passes through as itself (when dist/client is built)", async () => {
		const doc = await exports.default.fetch("http://app.test/");
		const script = (await doc.text()).match(/<script[^>]+src="([^"]+\.js)"/)?.[1];
		if (doc.status !== 200 || !script) return;
		const res = await exports.default.fetch(`http://app.test${script}`);
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toMatch(/javascript/);
		expect(res.headers.get("content-security-policy")).toBeNull();
		expect((await res.text()).length).toBeGreaterThan(100);
	});

	it("an unknown /api path is still a JSON 404 envelope", async () => {
		const res = await exports.default.fetch("http://app.test/api/no-such-thing", { headers: { accept: "text/html" } });
		const body = await res.json<{ error: { code: string } }>();
		expect(res.status).toBe(404);
		expect(body.error.code).toBe("NOT_FOUND");
	});
});
