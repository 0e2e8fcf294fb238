/**
 * Shopify description HTML -> what TikTok accepts (12052340-12052352): a small
 * set of tags, no attributes except on images, TikTok-hosted images only (at
 * most 30, with width and height), at most 10,000 characters. Tables become
 * paragraphs, headings become bold paragraphs, scripts and styles disappear.
 * Uses the runtime's streaming HTMLRewriter rather than regular expressions.
 * @see https://developers.cloudflare.com/workers/runtime-apis/html-rewriter/
 */
import type { HostedImage } from "../tiktok";
import { cleanHtmlText } from "./text";

export const MAX_DESCRIPTION_CHARS = 10_000;
export const MAX_DESCRIPTION_IMAGES = 30;

const KEEP = new Set(["p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "img"]);
const DROP_WITH_CONTENT = "script, style, iframe, video, audio, object, embed, form, noscript, svg, canvas, template";

/** Absolute http(s) URL of an <img src>, or null. Shopify often writes protocol-relative URLs. */
export function absoluteImageUrl(src: string | null): string | null {
	if (!src) return null;
	const url = src.startsWith("//") ? `https:${src}` : src;
	return /^https?:\/\//i.test(url) ? url : null;
}

async function rewrite(html: string, rewriter: HTMLRewriter): Promise<string> {
	return rewriter.transform(new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } })).text();
}

/** The image URLs a description references, in order, without duplicates. */
export async function descriptionImageSources(html: string): Promise<string[]> {
	const found = new Set<string>();
	await rewrite(
		html,
		new HTMLRewriter().on("img", {
			element(el) {
				const url = absoluteImageUrl(el.getAttribute("src"));
				if (url && found.size < MAX_DESCRIPTION_IMAGES) found.add(url);
			},
		}),
	);
	return [...found];
}

/**
 * Cleans description HTML. `hosted(src)` returns the TikTok-hosted copy of an
 * image uploaded beforehand (see descriptionImageSources); images without one are dropped.
 */
export async function cleanDescription(html: string, hosted: (src: string) => HostedImage | undefined): Promise<string> {
	let images = 0;
	const rewriter = new HTMLRewriter()
		.on(DROP_WITH_CONTENT, {
			element(el) {
				el.remove();
			},
		})
		.on("*", {
			element(el) {
				const tag = el.tagName.toLowerCase();
				if (tag === "img") {
					const url = absoluteImageUrl(el.getAttribute("src"));
					const image = url && images < MAX_DESCRIPTION_IMAGES ? hosted(url) : undefined;
					if (!image) {
						el.remove();
						return;
					}
					images++;
					for (const [name] of [...el.attributes]) el.removeAttribute(name);
					el.setAttribute("src", image.url);
					el.setAttribute("width", String(image.width));
					el.setAttribute("height", String(image.height));
					return;
				}
				if (/^h[1-6]$/.test(tag)) {
					el.tagName = "p";
					el.prepend("<strong>", { html: true });
					el.append("</strong>", { html: true });
				} else if (tag === "tr") {
					el.tagName = "p";
				} else if (tag === "td" || tag === "th") {
					el.removeAndKeepContent();
					el.after(" ");
					return;
				} else if (tag === "div" || tag === "section" || tag === "article") {
					el.removeAndKeepContent();
					el.after("<br>", { html: true });
					return;
				} else if (!KEEP.has(tag)) {
					el.removeAndKeepContent();
					return;
				}
				for (const [name] of [...el.attributes]) el.removeAttribute(name);
			},
		})
		.onDocument({
			comments(comment) {
				comment.remove();
			},
		});
	const cleaned = (await rewrite(html, rewriter)).replace(/(<br>\s*){3,}/g, "<br><br>").trim();
	return cleanHtmlText(cleaned);
}
