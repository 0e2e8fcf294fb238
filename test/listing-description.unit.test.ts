import { describe, expect, it } from "vitest";
import { cleanDescription, descriptionImageSources } from "../worker/listing/description";

const hosted = (src: string) =>
	src.includes("known") ? { uri: "tos/known", url: "https://tiktok.test/known.png", width: 600, height: 400 } : undefined;

describe("description cleaning", () => {
	it("keeps the tags TikTok accepts and strips every attribute", async () => {
		const html = `<p class="x" style="color:red">Soft <strong data-a="1">cotton</strong><br>and <em>more</em></p><ul><li>One</li></ul>`;
		expect(await cleanDescription(html, hosted)).toBe("<p>Soft <strong>cotton</strong><br>and <em>more</em></p><ul><li>One</li></ul>");
	});
	it("drops scripts, styles and iframes with their content, and comments", async () => {
		const html = `<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="x">y</iframe><!-- note --><p>b</p>`;
		expect(await cleanDescription(html, hosted)).toBe("<p>a</p><p>b</p>");
	});
	it("turns tables into paragraphs and headings into bold paragraphs", async () => {
		const html = `<h2>Specs</h2><table><tr><th>Size</th><td>M</td></tr></table>`;
		expect(await cleanDescription(html, hosted)).toBe("<p><strong>Specs</strong></p><p>Size M </p>");
	});
	it("re-hosts known images with their size and drops the others", async () => {
		const html = `<p><img src="//cdn.shop.test/known.png" alt="a"><img src="https://cdn.shop.test/other.png"></p>`;
		expect(await cleanDescription(html, hosted)).toBe(`<p><img src="https://tiktok.test/known.png" width="600" height="400"></p>`);
	});
	it("lists image sources once, absolute, in order", async () => {
		const html = `<img src="//a.test/1.png"><img src="https://a.test/2.png"><img src="//a.test/1.png"><img src="data:x">`;
		expect(await descriptionImageSources(html)).toEqual(["https://a.test/1.png", "https://a.test/2.png"]);
	});
	it("unwraps unknown tags but keeps their text", async () => {
		expect(await cleanDescription(`<p><span>keep <a href="http://x">link</a></span></p>`, hosted)).toBe("<p>keep link</p>");
	});
});

describe("TikTok's formatting rules", () => {
	it("decodes character references other than the XML five, and drops emoji, control characters and long runs", async () => {
		const html = "<p>Soft&nbsp;cotton &mdash; &#8220;cosy&#8221; &amp; warm ✨🔥 <b>A&lt;B</b></p><p>----------</p>";
		expect(await cleanDescription(html, hosted)).toBe("<p>Soft cotton — “cosy” &amp; warm  <b>A&lt;B</b></p><p>---</p>");
	});
	it("cleans titles the same way", async () => {
		const { cleanText } = await import("../worker/listing/text");
		expect(cleanText("Cosy&nbsp;Hoodie 🔥🔥  !!!!!!!!!!!!")).toBe("Cosy Hoodie !!!");
	});
});
