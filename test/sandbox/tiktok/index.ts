/**
 * Local TikTok Shop sandbox: a Worker that speaks the Partner API (version 202309)
 * closely enough to run the whole app end to end without internet: signing,
 * OAuth, categories, attributes, rules, media, products, audits, webhooks, rate
 * limits, quotas and injected faults. Started by test/global-setup.ts for
 * integration tests and by `npm start` on port 8788. See README.md.
 * @see https://partner.tiktokshop.com/docv2/page/tts-api-concepts-overview
 */
import { app } from "./src/app.ts";
import type { SandboxEnv } from "./src/env.ts";

export { SandboxRegistry } from "./src/seller/registry.ts";
export { SellerStore } from "./src/seller/store.ts";

export default { fetch: app.fetch } satisfies ExportedHandler<SandboxEnv>;
