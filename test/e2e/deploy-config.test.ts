/**
 * Deployability, node-side (no browser, no stack): shopify.app.toml declares
 * exactly the scopes the code asks for, the OAuth callback as redirect URL, the
 * three compliance topics at /webhooks/shopify and none of the topics the
 * install registers per shop (declared both ways, a topic is delivered twice); wrangler.toml runs the Worker first for every request (so
 * the UI's HTML always gets its security headers); the LICENSE is package.json's
 * MIT; and `npm run check:deploy` bundles the Worker and reports it under
 * Cloudflare's size limit.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(join(root, file), "utf8");
// Loaded by path so that the node-side typecheck does not follow the Worker's imports.
const load = (file: string): Promise<Record<string, unknown>> => import(join(root, file));

type AppToml = {
	application_url: string;
	embedded: boolean;
	access_scopes: { scopes: string };
	auth: { redirect_urls: string[] };
	webhooks: { api_version: string; subscriptions: { topics?: string[]; compliance_topics?: string[]; uri: string }[] };
};

describe("shopify.app.toml", () => {
	const toml = parse(read("shopify.app.toml")) as unknown as AppToml;
	const wrangler = parse(read("wrangler.toml")) as {
		assets: { run_worker_first: unknown };
		vars: { APP_URL: string; SHOPIFY_API_VERSION: string };
	};

	it("declares the scopes the code asks for", async () => {
		const { SCOPES } = await load("worker/shopify/auth/oauth-routes.ts");
		expect(toml.access_scopes.scopes.split(",").sort()).toEqual(String(SCOPES).split(",").sort());
	});

	it("points at the app, with the OAuth callback as redirect URL and the Worker's API version", () => {
		expect(toml.application_url).toBe(wrangler.vars.APP_URL);
		expect(toml.embedded).toBe(true);
		expect(toml.auth.redirect_urls).toEqual([new URL("/auth/callback", wrangler.vars.APP_URL).toString()]);
		expect(toml.webhooks.api_version).toBe(wrangler.vars.SHOPIFY_API_VERSION);
	});

	it("declares the three compliance topics at /webhooks/shopify, and leaves the install's topics to the install", async () => {
		const { SUBSCRIBED_TOPICS, TOPICS } = await load("worker/shopify/webhooks/topics/index.ts");
		const subscriptions = toml.webhooks.subscriptions;
		expect(subscriptions.every((s) => s.uri === "/webhooks/shopify")).toBe(true);
		expect(subscriptions.flatMap((s) => s.topics ?? [])).toEqual([]);
		const compliance = subscriptions.flatMap((s) => s.compliance_topics ?? []).sort();
		expect(compliance).toEqual(["customers/data_request", "customers/redact", "shop/redact"]);
		// Every declared topic has a handler in the webhook route.
		const handled = [...(TOPICS as Map<string, unknown>).keys()];
		for (const topic of [...compliance, ...(SUBSCRIBED_TOPICS as string[])]) expect(handled).toContain(topic);
	});

	it("wrangler runs the Worker first for every request", () => {
		expect(wrangler.assets.run_worker_first).toBe(true);
	});

	it("ships package.json's MIT licence", () => {
		expect(JSON.parse(read("package.json")).license).toBe("MIT");
		expect(read("LICENSE")).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the tiktok-shop-templates contributors\n/);
	});
});

describe("npm run check:deploy", () => {
	it("bundles the Worker and reports its gzipped size under the Workers Free limit", { timeout: 120_000 }, () => {
		const output = execFileSync(process.execPath, [join(root, "scripts/check-deploy.ts")], { cwd: root, encoding: "utf8" });
		const mib = Number(output.match(/worker bundle: [\d.]+ KiB, ([\d.]+) MiB gzipped/)?.[1]);
		expect(mib).toBeGreaterThan(0);
		expect(mib).toBeLessThan(3);
	});
});
