// Three test projects:
// - workers: inside workerd with the real D1, Queue and Durable Object bindings from
//   wrangler.toml; the sandboxes (test/sandbox/) are started once on loopback by
//   test/global-setup.ts and the Worker under test points its base URLs at them;
// - web: the UI's components in happy-dom;
// - e2e: the seed's workflow in headless Chromium against `wrangler dev` with both sandboxes.
import path from "node:path";
import preact from "@preact/preset-vite";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { TEST_SECRETS } from "./test/support/secrets.ts";

export default defineConfig(async () => {
	const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
	return {
		test: {
			// One test file per core at once, across the three projects (vitest's default leaves one core
			// idle: a single worker on two cores). The tests mostly wait on the sandboxes and the queue,
			// and the browser test (first, being its own project) then runs beside the workers files.
			maxWorkers: "100%",
			projects: [
				{
					test: {
						name: "workers",
						include: ["test/**/*.test.ts"],
						exclude: ["test/e2e/**", "test/web/**", "test/sandbox/**"],
						globalSetup: ["./test/global-setup.ts"],
						setupFiles: ["./test/apply-migrations.ts"],
						testTimeout: 30_000,
						// Each pool worker is one workerd; without isolation it runs file after file instead of
						// starting a new workerd and importing the Worker again for each (about a second a file).
						// Files then share D1, the queue and the Durable Objects, so each works on its own shops
						// (uniqueShop(), or a name no other file uses) and scopes every query to them.
						isolate: false,
					},
					plugins: [
						cloudflareTest(({ inject }) => ({
							wrangler: { configPath: "./wrangler.toml" },
							miniflare: {
								bindings: {
									...TEST_SECRETS,
									TEST_MIGRATIONS: migrations,
									TIKTOK_API_BASE: inject<string>("tiktokSandboxUrl"),
									TIKTOK_AUTH_BASE: inject<string>("tiktokSandboxUrl"),
									SHOPIFY_ADMIN_BASE: `${inject<string>("shopifySandboxUrl")}/store/{shop}`,
									APP_URL: "http://app.test",
									DEV_SESSION_ENABLED: "true",
									// Short enough that injected slow answers (the sandbox's lost-answer fault) time out quickly.
									TIKTOK_TIMEOUT_MS: "2000",
									TIKTOK_WRITE_RATE: "50",
								},
								// Short batch timeout so queue tests do not wait on the production value.
								queueConsumers: { "sync-jobs": { maxBatchTimeout: 0.05 }, "sync-jobs-dlq": { maxBatchTimeout: 0.05 } },
							},
						})),
					],
				},
				{
					plugins: [preact()],
					test: { name: "web", include: ["test/web/**/*.test.{ts,tsx}"], environment: "happy-dom" },
				},
				{
					test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], environment: "node", testTimeout: 600_000, hookTimeout: 180_000 },
				},
			],
		},
	};
});
