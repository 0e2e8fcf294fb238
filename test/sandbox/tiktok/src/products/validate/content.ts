/**
 * Title and description rules: lengths per market, and TikTok's formatting rules
 * (no HTML escapes, emoji or control characters, not only symbols, no run of 10
 * identical characters). Description images must be TikTok-hosted (here: served
 * by the sandbox) and carry src, width and height; script-like tags are refused.
 */
import { mediaInfo } from "../../media/store.ts";
import type { SellerContext } from "../../seller/context.ts";
import { titleBounds } from "../region-rules.ts";
import { type Checker, str } from "./checker.ts";

const EMOJI = /\p{Extended_Pictographic}/u;
const REPEATED = /(.)\1{9,}/u;
const HTML_ESCAPE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
/** The five XML escapes stay allowed in HTML descriptions; `&nbsp;` and friends do not. */
const DESCRIPTION_ESCAPE = /&(?!(?:amp|lt|gt|quot|apos|#39);)(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
const BLOCKED_TAGS = /<\s*(script|iframe|style|object|embed|form)\b/i;
const MAX_DESCRIPTION_IMAGES = 30;

function breaksFormat(text: string, escapes: RegExp, controls: RegExp): boolean {
	return escapes.test(text) || EMOJI.test(text) || controls.test(text) || !/[\p{L}\p{N}]/u.test(text) || REPEATED.test(text);
}

export function checkTitle(body: Record<string, unknown>, ctx: SellerContext, c: Checker): string {
	const title = str(body.title) ?? "";
	if (title.trim() === "") {
		c.fail(12052261);
		return title;
	}
	const [min, max] = titleBounds(ctx.seller.region);
	if (title.length < min || title.length > max) c.fail(12052051);
	else if (breaksFormat(title, HTML_ESCAPE, /[\u0000-\u001f\u007f]/)) c.fail(12052931);
	return title;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']?([^"'\\s>]+)`, "i").exec(tag)?.[1];

export function checkDescription(body: Record<string, unknown>, ctx: SellerContext, c: Checker): string {
	const description = str(body.description) ?? "";
	if (description.trim() === "") {
		c.fail(12052015);
		return description;
	}
	if (description.length > 10_000) {
		c.fail(12052013);
		return description;
	}
	const text = description.replace(/<[^>]*>/g, " ");
	if (breaksFormat(text, DESCRIPTION_ESCAPE, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/)) c.fail(12052932);
	if (BLOCKED_TAGS.test(description)) c.fail(12052345);
	const images = description.match(/<img\b[^>]*>/gi) ?? [];
	if (images.length > MAX_DESCRIPTION_IMAGES) c.fail(12052056);
	for (const tag of images) {
		const src = attr(tag, "src");
		if (!src || !attr(tag, "width") || !attr(tag, "height")) {
			c.fail(12052348);
			break;
		}
		if (!isSandboxImage(ctx, src)) {
			c.fail(12052340);
			break;
		}
	}
	return description;
}

/** TikTok only accepts its own image URLs; here that means a URL the sandbox handed out for this seller. */
function isSandboxImage(ctx: SellerContext, src: string): boolean {
	const prefix = `/__media/${encodeURIComponent(ctx.seller.seller_id)}/`;
	let path: string;
	try {
		path = new URL(src).pathname;
	} catch {
		return false;
	}
	if (!path.startsWith(prefix)) return false;
	return mediaInfo(ctx.sql, decodeURIComponent(path.slice(prefix.length)))?.kind === "image";
}
