/**
 * The UI's HTML document. It goes through the Worker (listed in run_worker_first)
 * so that it carries Shopify's per-shop `frame-ancestors` CSP instead of a
 * blanket X-Frame-Options, and so that, when opened from the Shopify admin, it
 * loads App Bridge with this app's client id.
 * @see https://shopify.dev/docs/apps/build/security/set-up-iframe-protection
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { MYSHOPIFY_DOMAIN } from "../auth/session-token";

export function frameAncestors(shop: string | undefined): string {
	const sources = ["https://admin.shopify.com"];
	if (shop && MYSHOPIFY_DOMAIN.test(shop)) sources.unshift(`https://${shop}`);
	return `frame-ancestors ${sources.join(" ")};`;
}

const escapeAttr = (value: string) => value.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);

export const uiDocument = new Hono<AppEnv>().get("/", async (c) => {
	const asset = await c.env.ASSETS.fetch(new URL("/index.html", c.req.url));
	const shop = c.req.query("shop");
	let html = await asset.text();
	if (c.req.query("host") && c.env.SHOPIFY_API_KEY) {
		// Embedded in the Shopify admin: App Bridge supplies session tokens (window.shopify.idToken()).
		html = html.replace(
			"<head>",
			`<head><meta name="shopify-api-key" content="${escapeAttr(c.env.SHOPIFY_API_KEY)}" /><script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>`,
		);
	}
	c.header("content-security-policy", frameAncestors(shop));
	c.header("cache-control", "no-store");
	return c.html(html, asset.ok ? 200 : 503);
});
