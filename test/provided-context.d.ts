// Values test/global-setup.ts provides to vitest.config.ts (sandbox URLs on loopback).
declare module "vitest" {
	interface ProvidedContext {
		tiktokSandboxUrl: string;
		shopifySandboxUrl: string;
	}
}
export {};
