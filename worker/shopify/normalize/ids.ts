/**
 * Shopify ids as text. Numeric ids exceed 2^53 (the documented sample
 * `788032119674292922` reads back as `…900` through JSON.parse), so they are
 * taken from GIDs (`gid://shopify/Product/123`) or from the JSON source text,
 * never from a JS number.
 * @see https://shopify.dev/docs/api/usage/gids
 * @see https://github.com/tc39/proposal-json-parse-with-source
 */

/** `gid://shopify/Product/123` → `123`; null for anything that is not a GID of that type. */
export function legacyIdFromGid(gid: string | null | undefined, type?: string): string | null {
	if (!gid) return null;
	const match = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?#]+)/.exec(gid);
	if (!match || (type && match[1] !== type)) return null;
	return match[2];
}

export const toGid = (type: string, id: string) => `gid://shopify/${type}/${id}`;

/** `gid://shopify/TaxonomyCategory/aa-2-14-3` → `aa-2-14-3`. */
export const taxonomyIdFromGid = (gid: string | null | undefined) => legacyIdFromGid(gid, "TaxonomyCategory");

type ReviverContext = { source?: string };

/**
 * JSON.parse that turns every integer too large for a double into its exact
 * decimal text. Uses the reviver's `context.source` (JSON.parse source text
 * access, shipped in V8), so no number is ever rounded on the way in.
 * Safe integers stay numbers; callers that need text call `idText`.
 */
export function parseJsonKeepingBigIds(text: string): unknown {
	return JSON.parse(text, function (this: unknown, _key: string, value: unknown, context?: ReviverContext) {
		if (typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value) && context?.source) {
			return context.source;
		}
		return value;
	} as (this: unknown, key: string, value: unknown) => unknown);
}

/** An id that came through `parseJsonKeepingBigIds` (number or exact text) as text. */
export function idText(value: unknown): string | null {
	if (typeof value === "string" && /^\d+$/.test(value)) return value;
	if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
	return null;
}
