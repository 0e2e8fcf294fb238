/**
 * The sandbox's image CDN: `/cdn/images/<name>_<w>x<h>.png` answers a real PNG of
 * that size (800 × 800 without a size), the same bytes for the same name.
 */
import { Hono } from "hono";
import type { SandboxEnv } from "../env";
import { parseImageName, renderPng } from "../images/png";

export const cdn = new Hono<{ Bindings: SandboxEnv }>();

cdn.get("/images/:file", async (c) => {
	const image = parseImageName(c.req.param("file"));
	if (!image) return c.json({ errors: "Not Found" }, 404);
	const etag = `"${image.name}-${image.width}x${image.height}"`;
	if (c.req.header("if-none-match") === etag) return c.body(null, 304);
	const png = await renderPng(image.name, image.width, image.height);
	return c.body(png, 200, {
		"content-type": "image/png",
		"content-length": String(png.length),
		"cache-control": "public, max-age=31536000, immutable",
		etag,
	});
});
