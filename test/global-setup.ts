/**
 * Starts the TikTok Shop and Shopify sandbox Workers once per test run, on
 * loopback, and hands their URLs to the Worker under test through `provide`.
 */
import { createTestHarness } from "wrangler";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject) {
	const tiktok = createTestHarness({ workers: [{ configPath: "./test/sandbox/tiktok/wrangler.toml" }] });
	const { url } = await tiktok.listen();
	project.provide("tiktokSandboxUrl", url.origin);
	project.provide("shopifySandboxUrl", url.origin);
	return async () => {
		await tiktok.close();
	};
}
