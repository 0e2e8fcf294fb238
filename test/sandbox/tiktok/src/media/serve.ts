/** GET /__media/{seller_id}/{uri}: the bytes behind an uploaded image or file URL. */
import { Hono } from "hono";
import { SELLER_ID_PATTERN } from "../auth/tokens.ts";
import type { SandboxEnv } from "../env.ts";

export const media = new Hono<{ Bindings: SandboxEnv }>();

media.get("/__media/:seller/*", async (c) => {
	const sellerId = decodeURIComponent(c.req.param("seller"));
	const prefix = `/__media/${c.req.param("seller")}/`;
	const id = decodeURIComponent(new URL(c.req.url).pathname.slice(prefix.length));
	if (!SELLER_ID_PATTERN.test(sellerId) || !id) return c.notFound();
	const found = await c.env.SELLER.getByName(sellerId).media(id);
	if (!found) return c.notFound();
	return new Response(found.bytes, {
		headers: { "content-type": found.contentType, "cache-control": "public, max-age=31536000, immutable" },
	});
});
