// Bindings that exist only in tests (set in vitest.config.ts).
declare global {
	namespace Cloudflare {
		interface Env {
			TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
		}
	}
}
export {};
