/**
 * The Shopify sandbox: a local stand-in for Shopify stores, close enough for the
 * app's install, import and webhook paths to run end to end without internet.
 * - /store/{shop}/admin/…  Admin GraphQL API and OAuth (the app's SHOPIFY_ADMIN_BASE)
 * - /cdn/images/…          product images as real PNGs
 * - /__sandbox/…           test knobs: stores, store edits, tokens, throttling, webhook outbox
 * Each store lives in its own Durable Object; nothing is kept in module state.
 * Started by test/global-setup.ts (tests) and by `npm start` on port 8789.
 */
import { Hono } from "hono";
import type { SandboxEnv } from "./env";
import { admin } from "./routes/admin";
import { cdn } from "./routes/cdn";
import { sandbox } from "./routes/sandbox";

const app = new Hono<{ Bindings: SandboxEnv }>();

app.get("/", (c) =>
	c.json({
		sandbox: "shopify",
		adminBase: `${new URL(c.req.url).origin}/store/{shop}`,
		demoStore: "demo-store.myshopify.com",
		docs: "test/sandbox/shopify/README.md",
	}),
);
app.route("/store", admin);
app.route("/cdn", cdn);
app.route("/__sandbox", sandbox);
app.notFound((c) => c.json({ errors: "Not Found" }, 404));
app.onError((error, c) => {
	console.error("shopify sandbox error", error);
	return c.json({ errors: `Internal error: ${error instanceof Error ? error.message : String(error)}` }, 500);
});

export default { fetch: app.fetch } satisfies ExportedHandler<SandboxEnv>;

export { SandboxRegistry } from "./registry/registry-object";
export { StoreObject } from "./store/store-object";
