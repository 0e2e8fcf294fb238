/**
 * Starts the TikTok Shop and Shopify sandbox Workers once per test run, on
 * loopback, and hands their URLs to the Worker under test through `provide`.
 * SANDBOXES=tiktok (or shopify) starts only that one, for a quicker focused run;
 * the other's URL then points at a closed port.
 */
import { createTestHarness } from "wrangler";
import type { TestProject } from "vitest/node";

const CLOSED = "http://127.0.0.1:9";

async function start(configPath: string) {
	const harness = createTestHarness({ workers: [{ configPath }] });
	const { url } = await harness.listen();
	return { harness, url: url.origin };
}

export default async function setup(project: TestProject) {
	const wanted = (process.env.SANDBOXES ?? "tiktok,shopify").split(",");
	// Both at once: each start is mostly waiting on its own workerd.
	const [tiktok, shopify] = await Promise.all([
		wanted.includes("tiktok") ? start("./test/sandbox/tiktok/wrangler.toml") : null,
		wanted.includes("shopify") ? start("./test/sandbox/shopify/wrangler.toml") : null,
	]);
	project.provide("tiktokSandboxUrl", tiktok?.url ?? CLOSED);
	project.provide("shopifySandboxUrl", shopify?.url ?? CLOSED);
	return async () => {
		await Promise.all([tiktok?.harness.close(), shopify?.harness.close()]);
	};
}
