/**
 * The UI's HTML document. Every request goes through the Worker
 * (`run_worker_first = true`) so that each HTML response, including the SPA
 * fallback for /products, /settings or any unknown path, carries Shopify's
 * per-shop `frame-ancestors` CSP instead of a blanket X-Frame-Options (plus
 * nosniff and Referrer-Policy from secureHeaders in app.ts), and so that, when
 * opened from the Shopify admin, it loads App Bridge with this app's client id.
 * Static files (hashed JS/CSS) are passed through from the ASSETS binding.
 * @see https://shopify.dev/docs/apps/build/security/set-up-iframe-protection
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { MYSHOPIFY_DOMAIN } from "../auth/session-token";
import { errorBody } from "../http/errors";

export function frameAncestors(shop: string | undefined): string {
	const sources = ["https://admin.shopify.com"];
	if (shop && MYSHOPIFY_DOMAIN.test(shop)) sources.unshift(`https://${shop}`);
	return `frame-ancestors ${sources.join(" ")};`;
}

const escapeAttr = (value: string) => value.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);

async function renderDocument(c: Context<AppEnv>): Promise<Response> {
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
}

export const uiDocument = new Hono<AppEnv>().get("/", renderDocument);

/** Prefixes that are API surfaces: an unknown path there is a JSON 404, never the UI. */
const API_PREFIXES = ["/api/", "/webhooks/", "/auth/"];
/** A last path segment with a dot names a file (e.g. /assets/index-abc.js); anything else is a UI route. */
const FILE_PATH = /\/[^/]*\.[^/]*$/;

/**
 * What no route answered: JSON 404 under the API prefixes and for other methods;
 * a UI route gets the document; a file comes from ASSETS, and an HTML answer
 * (the SPA fallback for a missing file) is replaced by the document so it
 * carries the same headers.
 */
export async function notFoundOrDocument(c: Context<AppEnv>): Promise<Response> {
	const path = c.req.path;
	const isApi = API_PREFIXES.some((prefix) => path.startsWith(prefix) || `${path}/` === prefix);
	if (isApi || (c.req.method !== "GET" && c.req.method !== "HEAD")) {
		return c.json(errorBody("NOT_FOUND", `No route for ${c.req.method} ${path}.`, { requestId: c.get("requestId") }), 404);
	}
	if (!FILE_PATH.test(path)) return renderDocument(c);
	const asset = await c.env.ASSETS.fetch(c.req.raw);
	if (asset.headers.get("content-type")?.startsWith("text/html")) return renderDocument(c);
	// A fetched response's headers are immutable; a copy lets secureHeaders add nosniff and the referrer policy.
	return new Response(asset.body, asset);
}
