/** Big-int-safe parsing of TikTok JSON: ids > 2^53 must survive byte for byte. */
import { describe, expect, it } from "vitest";
import { parseTikTokJson } from "../worker/tiktok/json";

describe("parseTikTokJson", () => {
	it("keeps 1729592969712207008 exact where JSON.parse would round it", () => {
		const text = '{"product_id":1729592969712207008}';
		expect(String((JSON.parse(text) as { product_id: number }).product_id)).toBe("1729592969712207000");
		expect(parseTikTokJson(text)).toEqual({ ok: true, value: { product_id: "1729592969712207008" } });
	});

	it("turns every integer under an id-like key into a string, in objects and arrays", () => {
		const text =
			'{"id":7,"shop_id":7494049642642441621,"product_ids":[1729592969712207008,5],"skus":[{"id":1729592969712207012,"warehouse_id":42}]}';
		expect(parseTikTokJson(text)).toEqual({
			ok: true,
			value: {
				id: "7",
				shop_id: "7494049642642441621",
				product_ids: ["1729592969712207008", "5"],
				skus: [{ id: "1729592969712207012", warehouse_id: "42" }],
			},
		});
	});

	it("reaches integers in nested id arrays, but not decimals under id keys or keys of objects inside id arrays", () => {
		const text = '{"ids":[[1,2],[-0]],"product_ids":[{"n":5,"id":6}],"brand_id":1.5,"sku_id":1e3}';
		expect(parseTikTokJson(text)).toEqual({
			ok: true,
			value: { ids: [["1", "2"], ["-0"]], product_ids: [{ n: 5, id: "6" }], brand_id: 1.5, sku_id: 1000 },
		});
	});

	it("leaves small numbers under other keys, decimals and numbers inside strings alone", () => {
		const text = '{"type":5,"timestamp":1644412885,"ratio":1.5,"note":"id 1729592969712207008","valid":3,"paid":-2}';
		expect(parseTikTokJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
	});

	it("quotes any unsafe integer even under a non-id key, so no value silently loses digits", () => {
		expect(parseTikTokJson('{"total":9007199254740993}')).toEqual({ ok: true, value: { total: "9007199254740993" } });
	});

	it("parses a real webhook envelope (type 5) with the big product_id as text", () => {
		const body =
			'{"type":5,"tts_notification_id":"7327112393057371910","shop_id":"7494049642642441621","timestamp":1644412885,"data":{"product_id":1729592969712207008,"status":"PRODUCT_FIRST_PASS_REVIEW","suspended_reason":"","update_time":1644412885}}';
		const parsed = parseTikTokJson(body);
		expect(parsed.ok && (parsed.value as { data: { product_id: unknown; update_time: unknown } }).data).toMatchObject({
			product_id: "1729592969712207008",
			update_time: 1644412885,
		});
	});

	it("handles escaped quotes and brackets inside strings without losing track of keys", () => {
		const text = '{"message":"a \\"}]{ product_id\\":1","x":{"brand_id":123456789012345678}}';
		expect(parseTikTokJson(text)).toEqual({ ok: true, value: { message: 'a "}]{ product_id":1', x: { brand_id: "123456789012345678" } } });
	});

	it("returns malformed JSON as a value", () => {
		const parsed = parseTikTokJson("<html>502</html>");
		expect(parsed.ok).toBe(false);
	});
});
