/**
 * Shopify ids as text. Numeric ids exceed 2^53 (the documented sample
 * `788032119674292922` reads back as `…900` through JSON.parse), so they are
 * taken from GIDs (`gid://shopify/Product/123`) or from the JSON source text,
 * never from a JS number.
 * @see https://shopify.dev/docs/api/usage/gids
 * @see https://github.com/tc39/proposal-json-parse-with-source
 */
import { parseExactJson } from "../../json/exact";

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

/** Integers too large for a double come back as their exact decimal text; callers that need text call `idText`. */
export const parseJsonKeepingBigIds = (text: string): unknown => parseExactJson(text);

/** An id that came through `parseJsonKeepingBigIds` (number or exact text) as text. */
export function idText(value: unknown): string | null {
	if (typeof value === "string" && /^\d+$/.test(value)) return value;
	if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
	return null;
}
