/**
 * JSON.parse that never rounds an id. Shopify and TikTok ids exceed 2^53
 * (`1729592969712207008` reads back as `…7000` through a double), and TikTok's
 * webhooks send them as bare numbers. The reviver's `context.source` (JSON.parse
 * source text access, in V8 and so in workerd) gives each number its own text:
 * - an integer a double cannot hold exactly becomes that text;
 * - under a key `asText` names, every integer written as digits becomes text,
 *   also inside arrays (and arrays of arrays) under that key (`"product_ids":[5]`).
 * Everything else is what JSON.parse returns; malformed JSON throws, as there.
 * @see https://github.com/tc39/proposal-json-parse-with-source
 */
type ReviverContext = { source?: string };
type Reviver = (this: unknown, key: string, value: unknown) => unknown;

const INTEGER = /^-?\d+$/;
const never = () => false;

export function parseExactJson(text: string, asText: (key: string) => boolean = never): unknown {
	// The reviver runs bottom-up, so an array's integer elements are seen before the key that owns it; their text waits here.
	const elementText = new WeakMap<unknown[], string[]>();
	const withText = (list: unknown[]): unknown[] =>
		list.map((item, i) => elementText.get(list)?.[i] ?? (Array.isArray(item) ? withText(item) : item));
	return JSON.parse(text, function (this: unknown, key: string, value: unknown, context?: ReviverContext) {
		const source = context?.source;
		if (typeof value === "number" && source !== undefined) {
			if (Number.isInteger(value) && !Number.isSafeInteger(value)) return source;
			if (!INTEGER.test(source)) return value;
			if (!Array.isArray(this)) return asText(key) ? source : value;
			const texts = elementText.get(this) ?? [];
			texts[Number(key)] = source;
			elementText.set(this, texts);
			return value;
		}
		return Array.isArray(value) && !Array.isArray(this) && asText(key) ? withText(value) : value;
	} as Reviver);
}
