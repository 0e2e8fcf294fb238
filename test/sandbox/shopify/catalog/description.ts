/**
 * HTML descriptions in the shapes merchants actually paste into Shopify: plain
 * paragraphs and lists, spec tables, inline styles, `&nbsp;`, empty paragraphs,
 * `<img>` tags pointing at the sandbox CDN and the odd embedded video, so the
 * app's HTML cleaning for TikTok has real input. `{{CDN}}` stands for the origin.
 */
import type { Random } from "./random";
import { CDN_PLACEHOLDER } from "./types";

export type DescriptionInput = {
	title: string;
	vendor: string;
	productType: string;
	features: readonly string[];
	optionSummary: string[];
	grams: number;
	inlineImage: string | null;
};

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const INTROS = [
	(i: DescriptionInput) => `Meet the ${i.title}: designed by ${i.vendor} for everyday use and built to last.`,
	(i: DescriptionInput) => `Our ${i.title.toLowerCase()} is a customer favourite, and it is easy to see why.`,
	(i: DescriptionInput) => `${i.vendor} made the ${i.title} for people who care about quality & comfort.`,
	(i: DescriptionInput) => `Looking for new ${i.productType.toLowerCase()}? The ${i.title} is thoughtfully made and fairly priced.`,
];

const CARE = [
	"Wipe clean with a damp cloth.",
	"Machine wash cold, tumble dry low.",
	"Store in a cool, dry place.",
	"Hand wash recommended.",
];

function list(items: readonly string[], ordered: boolean): string {
	const tag = ordered ? "ol" : "ul";
	return `<${tag}>${items.map((f) => `<li>${escapeHtml(f)}</li>`).join("")}</${tag}>`;
}

function specTable(input: DescriptionInput): string {
	const rows = [
		["Brand", input.vendor],
		["Type", input.productType],
		["Approx. weight", `${input.grams} g`],
		...input.optionSummary.map((s) => s.split(": ", 2)),
	];
	return `<table><tbody>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v ?? "")}</td></tr>`).join("")}</tbody></table>`;
}

function image(name: string, alt: string): string {
	return `<img src="${CDN_PLACEHOLDER}/cdn/images/${name}.png" alt="${escapeHtml(alt)}" width="800">`;
}

export function buildDescription(rng: Random, input: DescriptionInput): string {
	const intro = escapeHtml(rng.pick(INTROS)(input));
	const features = rng.sample(input.features, rng.int(2, input.features.length));
	const care = rng.pick(CARE);
	const img = input.inlineImage ? image(input.inlineImage, input.title) : "";
	switch (rng.int(0, 4)) {
		case 0:
			return `<p>${intro}</p>${list(features, false)}${img ? `<p>${img}</p>` : ""}`;
		case 1:
			return `<h3>About this item</h3><p>${intro}</p><p>${escapeHtml(care)}</p>${specTable(input)}${img}`;
		case 2:
			return (
				`<div style="font-family: Arial, sans-serif; color: #333333;"><p><strong>${escapeHtml(input.title)}</strong>&nbsp;— ${intro}</p><p></p>` +
				`${list(features, false)}${img ? `<p style="text-align:center">${img}</p>` : ""}<br><span style="color:#999999;font-size:12px">Care: ${escapeHtml(care)}</span></div>`
			);
		case 3:
			return `<p>${intro}<br>${escapeHtml(care)}</p>${list(features, true)}<p><em>Note:</em> colours may vary slightly from the photos &amp; screens.</p>${img}`;
		default:
			return (
				`<p>${intro}</p><h4>Highlights</h4>${list(features, false)}${specTable(input)}` +
				`<p><iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" frameborder="0"></iframe></p><p>&nbsp;</p>`
			);
	}
}
