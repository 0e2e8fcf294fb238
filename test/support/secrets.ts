/**
 * The secrets the Worker under test runs with (set as bindings in vitest.config.ts,
 * so tests never depend on a developer's .dev.vars). They match the sandboxes' defaults.
 */
export const TEST_SECRETS = {
	SHOPIFY_API_KEY: "sandbox-shopify-client-id",
	SHOPIFY_API_SECRET: "sandbox-shopify-client-secret",
	SHOPIFY_API_SECRET_PREVIOUS: "",
	TIKTOK_APP_KEY: "sandbox-app-key",
	TIKTOK_APP_SECRET: "sandbox-app-secret",
	TOKEN_ENCRYPTION_KEY: "bG9jYWwtZGV2LW9ubHktMzItYnl0ZS1rZXktMDAwMDA=",
} as const;
