/**
 * JSON parsing that keeps TikTok ids exact. Product, SKU and shop ids exceed 2^53, and
 * webhooks send `product_id` as a bare JSON number, so `JSON.parse` would silently change
 * `1729592969712207008` into `1729592969712207000`.
 *
 * Before parsing, one pass over the text (aware of strings and nesting) quotes:
 * - every bare integer under an id-like key (`id`, `*_id`, `*_ids`), so ids are always strings;
 * - any other bare integer that a double cannot hold exactly (no silent precision loss anywhere).
 * Small numbers under other keys (timestamps, counts, sizes) stay numbers.
 * @see https://partner.tiktokshop.com/docv2/page/5-product-status-change (product_id as a number)
 */

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string };

const ID_KEY = /(^|_)ids?$/;

export function isIdKey(key: string | null): boolean {
	return key !== null && ID_KEY.test(key);
}

type Frame = { kind: "object" | "array"; key: string | null; expectKey: boolean };

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Returns the text with the integers described above wrapped in quotes; everything else byte-identical. */
export function quoteBigIds(text: string): string {
	const stack: Frame[] = [];
	let out = "";
	let copiedUpTo = 0;
	let lastString: string | null = null;
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		const top = stack[stack.length - 1];
		if (ch === '"') {
			const end = stringEnd(text, i);
			const raw = text.slice(i, end);
			if (top?.kind === "object" && top.expectKey) lastString = safeParseString(raw);
			i = end;
			continue;
		}
		if (ch === "{" || ch === "[") {
			// An array inherits its owner's key (`"product_ids":[…]`); an object starts without one.
			stack.push({ kind: ch === "{" ? "object" : "array", key: ch === "[" ? (top?.key ?? null) : null, expectKey: ch === "{" });
		} else if (ch === "}" || ch === "]") {
			stack.pop();
		} else if (ch === ":" && top?.kind === "object") {
			top.key = lastString;
			top.expectKey = false;
		} else if (ch === "," && top?.kind === "object") {
			top.expectKey = true;
		} else if (ch === "-" || (ch >= "0" && ch <= "9")) {
			NUMBER.lastIndex = i;
			const match = NUMBER.exec(text);
			if (match) {
				const token = match[0];
				const isInteger = /^-?\d+$/.test(token);
				if (isInteger && (isIdKey(top?.key ?? null) || !Number.isSafeInteger(Number(token)))) {
					out += text.slice(copiedUpTo, i) + '"' + token + '"';
					copiedUpTo = i + token.length;
				}
				i += token.length;
				continue;
			}
		}
		i += 1;
	}
	return out + text.slice(copiedUpTo);
}

/** Index just past the closing quote of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
	let i = start + 1;
	while (i < text.length) {
		const ch = text[i];
		if (ch === "\\") i += 2;
		else if (ch === '"') return i + 1;
		else i += 1;
	}
	return text.length;
}

function safeParseString(raw: string): string | null {
	try {
		return JSON.parse(raw) as string;
	} catch {
		return null;
	}
}

/** Parses TikTok JSON with ids kept as strings. Malformed JSON is a value, not an exception. */
export function parseTikTokJson(text: string): JsonParseResult {
	try {
		return { ok: true, value: JSON.parse(quoteBigIds(text)) };
	} catch (error) {
		return { ok: false, message: error instanceof Error ? error.message : String(error) };
	}
}
