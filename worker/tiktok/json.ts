/**
 * TikTok JSON with ids kept exact: product, SKU and shop ids exceed 2^53, and webhooks
 * send `product_id` as a bare number. Every integer under an id-like key (`id`, `*_id`,
 * `*_ids`) is text, so ids are always strings, and so is any other integer a double
 * cannot hold (../json/exact.ts). Small numbers under other keys (timestamps, counts,
 * sizes) stay numbers.
 * @see https://partner.tiktokshop.com/docv2/page/5-product-status-change (product_id as a number)
 */
import { parseExactJson } from "../json/exact";

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string };

const ID_KEY = /(^|_)ids?$/;
const isIdKey = (key: string) => ID_KEY.test(key);

/** Malformed JSON is a value, not an exception. */
export function parseTikTokJson(text: string): JsonParseResult {
	try {
		return { ok: true, value: parseExactJson(text, isIdKey) };
	} catch (error) {
		return { ok: false, message: error instanceof Error ? error.message : String(error) };
	}
}
