/**
 * The error taxonomy: each class is produced from a realistic TikTok envelope (as the
 * transport receives it) and keeps TikTok's code, message, request id and HTTP status.
 */
import { describe, expect, it } from "vitest";
import { createTikTokClient } from "../worker/tiktok/client";
import { classifyTikTokError, type TikTokErrorKind } from "../worker/tiktok/errors";
import { recordingFetch, tiktokFail } from "./support/tiktok";

const createBody = {
	title: "Mug",
	description: "<p>Mug</p>",
	category_id: "600001",
	main_images: [{ uri: "tos/a" }],
	skus: [{ seller_sku: "MUG-1", price: { amount: "9.99", currency: "USD" }, inventory: [{ warehouse_id: "7000", quantity: 5 }] }],
	package_weight: { value: "0.4", unit: "KILOGRAM" as const },
	external_product_id: "gid://shopify/Product/1",
	idempotency_key: "key-1",
};

/** Answers every attempt with the same envelope; a create with a key is retried on transient errors, so maxRetries is 0. */
async function createFailingWith(code: number, message: string, status = 200) {
	const fake = recordingFetch(() => tiktokFail(code, message, { status, requestId: `rid-${code}` }));
	const client = createTikTokClient(
		{ appKey: "k", appSecret: "s", apiBase: "http://t.test", authBase: "http://a.test", fetch: fake.fetch, maxRetries: 0 },
		{ accessToken: "t", shopCipher: "c", region: "US" },
	);
	const result = await client.createProduct(createBody);
	if (result.ok) throw new Error("expected a failure");
	return result.error;
}

const cases: [TikTokErrorKind, number, string, number?][] = [
	["rate_limited", 36009002, "Too many requests in a short period. Please try again later.", 429],
	["rate_limited", 12052109, "The request volume of the merchant exceeds the limit."],
	["quota_exhausted", 12052093, "The number of products listed by the seller has reached the limit."],
	["auth_expired", 105002, "Expired credentials. The access token has expired.", 401],
	["auth", 105005, "Access denied. This app has not been granted any access scope required by this endpoint.", 403],
	["invalid_signature", 106001, "Invalid credentials. The signature is invalid.", 401],
	["category_not_permitted", 12052220, "The category is prohibited or not supported."],
	["category_not_permitted", 12052221, "This category is only available to whitelisted sellers."],
	["category_not_permitted", 12052223, "The category is restricted."],
	["category_not_permitted", 12052225, "The category is outside the main category of the shop."],
	["category_not_permitted", 12052226, "The category is restricted."],
	["category_not_permitted", 12052227, "The category is unauthorized or unavailable."],
	["category_not_permitted", 12052446, "The category is not open in this market."],
	["category_not_permitted", 12052023, "Category is missing."],
	["category_not_permitted", 12052024, "Category is not final category"],
	["category_not_permitted", 12052025, "Category is invalid."],
	["category_not_permitted", 12052230, "Category version and ID do not match."],
	["category_not_permitted", 12052217, "All shops must use category version V2."],
	["attributes", 12052104, "The product property [Material] is required."],
	["attributes", 12052182, "Sub-property [Battery type] is required when [Contains batteries] is [Yes]."],
	["attributes", 12052183, "Sub-property must be empty."],
	["attributes", 12052256, "The value must be a positive integer or decimal."],
	["certification", 12052105, "The qualification [CPC] is required."],
	["package", 12019011, "The package weight is invalid."],
	["package", 12019012, "The package size is invalid."],
	["package", 12052116, "The package size is invalid."],
	["package", 12052003, "Height format is invalid."],
	["package", 12052006, "Weight format is invalid."],
	["package", 12052181, "The package weight cannot be 0."],
	["package", 12019061, "Imperial units are only supported for US local shops."],
	["package", 12052915, "Weight and dimension units do not match."],
	["package", 12052916, "Unit not supported in this region."],
	["package", 12019060, "Package dimension unit is only supported in US."],
	["images", 12052301, "The image is too small."],
	["description", 12052344, "The description has an HTML syntax error."],
	["duplicate_external_id", 12052996, "The external_id is duplicated."],
	["shop_setup", 12052402, "The shop has no shipping template."],
	["transient", 36009003, "Internal error.", 500],
	["transient", 36009007, "Request timeout.", 504],
	["transient", 12001000, "Product API internal error"],
	["permanent", 12052026, "The brand does not exist."],
	["permanent", 99999999, "Something new"],
];

describe("error classes from realistic envelopes", () => {
	it.each(cases)("%s ← %i", async (kind, code, message, status) => {
		const error = await createFailingWith(code, message, status);
		expect(error).toMatchObject({
			kind,
			code,
			message,
			requestId: `rid-${code}`,
			httpStatus: status ?? 200,
			path: "/product/202309/products",
		});
		expect(error.fix.length).toBeGreaterThan(10);
	});

	it("a plain 5xx without an envelope is transient, ambiguous for a create", async () => {
		const fake = recordingFetch(() => new Response("<html>Bad gateway</html>", { status: 502 }));
		const client = createTikTokClient(
			{ appKey: "k", appSecret: "s", apiBase: "http://t.test", authBase: "http://a.test", fetch: fake.fetch, maxRetries: 0 },
			{ accessToken: "t", shopCipher: "c" },
		);
		const result = await client.createProduct(createBody);
		expect(result.ok === false && result.error).toMatchObject({ kind: "transient", code: null, httpStatus: 502, ambiguous: true });
	});

	it("gives a merchant-actionable fix for a zero weight", async () => {
		expect((await createFailingWith(12052181, "The package weight cannot be 0.")).fix).toBe(
			"Add a weight in Shopify or a backup weight in the template.",
		);
	});
});

describe("36009004 is branched on its message", () => {
	const classify = (message: string) => classifyTikTokError({ code: 36009004, message, path: "/p", httpStatus: 400 });

	it.each([
		["Missing credentials. The request does not include a required signature in the query.", "invalid_signature"],
		["Invalid timestamp. The value of the `timestamp` query parameter must not be lesser than 0.", "invalid_signature"],
		[
			"Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes before the current time.",
			"invalid_signature",
		],
		["Invalid credentials. The `x-tts-access-token` header is invalid.", "auth"],
		["Invalid credentials. The `access_token` header is invalid.", "auth"],
		["Invalid credentials. Invalid `app_key` query parameter.", "auth"],
		["Unexpected identifier. The `shop_cipher` query parameter is not required for this request.", "permanent"],
		["Invalid identifier. The `shop_id` query parameter is invalid.", "permanent"],
		["invalid param error", "permanent"],
	])("%s → %s", (message, kind) => {
		expect(classify(message)).toMatchObject({ kind, code: 36009004, message });
	});

	it("an invalid access token asks to re-authorize; an invalid app key does not", () => {
		expect(classify("Invalid credentials. The `x-tts-access-token` header is invalid.")).toMatchObject({
			kind: "auth",
			reason: "token_invalid",
		});
		expect(classify("Invalid credentials. Invalid `app_key` query parameter.")).toMatchObject({ kind: "auth", reason: "app_credentials" });
	});
});
