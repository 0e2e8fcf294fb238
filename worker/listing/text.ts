/**
 * TikTok's formatting rules for titles and descriptions (12052931, 12052932): no
 * HTML character references except the five XML ones, no emoji, no control
 * characters, and no run of more than 9 identical characters. Merchants' text
 * breaks these innocently (&nbsp;, “curly quotes” as &#8220;, ✨, "----------"),
 * so it is normalised rather than refused.
 */
const NAMED: Record<string, string> = {
	nbsp: " ",
	ensp: " ",
	emsp: " ",
	thinsp: " ",
	mdash: "—",
	ndash: "–",
	hellip: "…",
	lsquo: "‘",
	rsquo: "’",
	sbquo: "‚",
	ldquo: "“",
	rdquo: "”",
	bdquo: "„",
	laquo: "«",
	raquo: "»",
	bull: "•",
	middot: "·",
	deg: "°",
	copy: "©",
	reg: "®",
	trade: "™",
	times: "×",
	divide: "÷",
	plusmn: "±",
	frac12: "½",
	frac14: "¼",
	frac34: "¾",
	euro: "€",
	pound: "£",
	yen: "¥",
	cent: "¢",
	sect: "§",
	para: "¶",
	micro: "µ",
	eacute: "é",
	egrave: "è",
	agrave: "à",
	aacute: "á",
	ccedil: "ç",
	ntilde: "ñ",
	uuml: "ü",
	ouml: "ö",
	auml: "ä",
	szlig: "ß",
};
const XML = new Set(["amp", "lt", "gt", "quot", "apos"]);
const XML_CHARS: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D\u20E3]/gu;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONG_RUN = /(.)\1{9,}/gu;

function decodeReference(reference: string, name: string, inHtml: boolean): string {
	let char: string | undefined;
	if (name.startsWith("#")) {
		const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
		char = Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
	} else if (XML.has(name.toLowerCase())) {
		return inHtml ? reference : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()];
	} else {
		char = NAMED[name] ?? NAMED[name.toLowerCase()] ?? "";
	}
	return inHtml ? char.replace(/[&<>"']/g, (ch) => XML_CHARS[ch]) : char;
}

function normalise(text: string, inHtml: boolean): string {
	return text
		.replace(/&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g, (reference, name: string) => decodeReference(reference, name, inHtml))
		.replace(EMOJI, "")
		.replace(CONTROL, "")
		.replace(LONG_RUN, (run: string) => [...run].slice(0, 3).join(""));
}

/** A plain-text field such as the title. */
export function cleanText(text: string): string {
	return normalise(text, false).replace(/\s+/g, " ").trim();
}

/** The text of cleaned HTML (tags already reduced to TikTok's set; see description.ts). */
export function cleanHtmlText(html: string): string {
	return normalise(html, true);
}
