/**
 * TikTok business codes → our error kind and a fix a merchant can act on.
 * Codes come from the Create Product / Listing Check / Upload error tables and the common
 * errors page. A code that is not listed here is `permanent` with a generic fix.
 * @see https://partner.tiktokshop.com/docv2/page/common-errors
 * @see https://partner.tiktokshop.com/docv2/page/create-product-202309
 */
import type { TikTokErrorKind } from "./error-kind";

type Entry = readonly [TikTokErrorKind, string];

const CATEGORY = "Pick another TikTok category in the template: this one is not open to your shop.";
const APPLY = "Apply for this category in TikTok Seller Center → Qualification Center, or pick another category.";
const LEAF = "Pick the most specific (leaf) category in the template.";
const ATTRIBUTE = "Fill in the attribute TikTok names in the template's attribute section.";
const CERT = "Add the certification TikTok asks for in the template (file or image, and expiry date).";
const DIMENSIONS = "Set package length, width and height as whole numbers in the template.";
const IMAGE = "Check the product images in Shopify: JPG/PNG/WEBP, at least 300×300 px, ratio between 3:4 and 4:3.";
const DESCRIPTION = "Shorten or simplify the product description in Shopify (plain text, paragraphs, lists and images only).";
const SKU = "Check the variant SKUs in Shopify: 1–50 characters, no spaces, unique.";
const PRICE = "Check the variant prices in Shopify (between 0.01 and 7,600; compare-at price not below the price).";
const WAREHOUSE = "Check the TikTok warehouse: reconnect TikTok Shop or set up a sales warehouse in Seller Center.";
const SETUP = "Finish your TikTok Shop setup in Seller Center (warehouse, shipping template, return address, contact info).";
const BRAND = "Pick another brand in the template, or ask TikTok to authorise the brand in Seller Center.";

export const CODE_TABLE: Record<number, Entry> = {
	// Throttles and quota (§5, §9)
	36009002: ["rate_limited", "TikTok asked us to slow down; the sync resumes automatically."],
	12052109: ["rate_limited", "TikTok asked us to slow down; the sync resumes automatically."],
	12052093: ["quota_exhausted", "TikTok's daily listing limit for your shop is reached; syncing resumes tomorrow."],
	// Auth and request layer (§6.1)
	105002: ["auth_expired", "Reconnect TikTok Shop in Settings: the authorisation has expired."],
	105005: ["auth", "Reconnect TikTok Shop in Settings and grant every permission the app asks for."],
	101000: ["auth", "Reconnect TikTok Shop in Settings: the authorisation is no longer valid."],
	36004004: ["auth", "Start the TikTok Shop connection again from Settings: the authorisation code was not accepted."],
	106001: ["invalid_signature", "The app's TikTok credentials do not match; contact support."],
	106013: ["permanent", "Reconnect TikTok Shop in Settings: the shop identifier is missing."],
	36009003: ["transient", "TikTok had a temporary problem; the sync retries automatically."],
	36009007: ["transient", "TikTok timed out; the sync retries automatically."],
	12001000: ["transient", "TikTok had a temporary problem; the sync retries automatically."],
	36009033: ["permanent", "The app's network address is not allowed by TikTok; contact support."],
	// Category (§6.2)
	12052023: ["category_not_permitted", "Choose a TikTok category in the template."],
	12052024: ["category_not_permitted", LEAF],
	12052025: ["category_not_permitted", "The template's TikTok category no longer exists; pick it again."],
	12052220: ["category_not_permitted", CATEGORY],
	12052221: ["category_not_permitted", "This category is open to invited sellers only; pick another category in the template."],
	12052223: ["category_not_permitted", APPLY],
	12052225: [
		"category_not_permitted",
		"This category is outside your shop's main category; ask your TikTok account manager or pick another one.",
	],
	12052226: ["category_not_permitted", APPLY],
	12052227: ["category_not_permitted", CATEGORY],
	12052230: ["category_not_permitted", "Pick the category again in the template (the category tree changed)."],
	12052217: ["category_not_permitted", "Pick the category again in the template (TikTok requires the new category tree)."],
	12052446: ["category_not_permitted", "This category is not open in your market; pick another category in the template."],
	// Attributes
	12052104: ["attributes", "Fill in every required attribute in the template."],
	12052182: ["attributes", "An attribute became required by another attribute's value; fill it in in the template."],
	12052183: ["attributes", "Clear the attribute TikTok names: another attribute's value does not allow it."],
	12052246: ["attributes", "Choose a single value for this attribute in the template."],
	12052247: ["attributes", "Choose one of TikTok's values for this attribute instead of a custom one."],
	12052240: ["attributes", "Choose one of TikTok's values for this attribute instead of a custom one."],
	12052256: ["attributes", "Enter a positive number for this attribute in the template."],
	12052527: ["attributes", "A variant option does not match TikTok; check the option names in Shopify."],
	12052529: ["attributes", "A variant option value does not match TikTok; check the option values in Shopify."],
	12052525: ["attributes", "TikTok allows at most 3 variant options; reduce the product's options in Shopify."],
	12052550: ["attributes", "Every variant must have a value for every option; check the variants in Shopify."],
	12052560: ["attributes", "Two variant options have the same name; rename one in Shopify."],
	12052151: ["attributes", "Remove restricted words from the attribute values."],
	12052152: ["attributes", "Remove restricted words from the attribute values."],
	12052153: ["attributes", "Remove restricted words from the attribute values."],
	12052243: ["attributes", "Use English (no Chinese characters) in attribute values."],
	12052250: ["attributes", "Use English (no Chinese characters) in attribute values."],
	// Certifications
	12052105: ["certification", CERT],
	12052385: ["certification", "Set a valid expiry date on the certification in the template."],
	12052655: ["certification", "The certification no longer exists for this category; reopen the template and save it again."],
	12052656: ["certification", "A certification is listed twice in the template; remove the duplicate."],
	12052657: ["certification", "Attach fewer images or PDFs to the certification in the template."],
	12052650: ["certification", "Upload the certification image again in the template."],
	12052658: ["certification", "Upload the certification file again in the template."],
	// Package and units
	12019011: ["package", "Check the product's weight in Shopify or the backup weight in the template."],
	12019012: ["package", DIMENSIONS],
	12052116: ["package", DIMENSIONS],
	12052003: ["package", DIMENSIONS],
	12052004: ["package", DIMENSIONS],
	12052005: ["package", DIMENSIONS],
	12052006: ["package", "Check the product's weight in Shopify or the backup weight in the template."],
	12052181: ["package", "Add a weight in Shopify or a backup weight in the template."],
	12019061: ["package", "Use metric units (kilograms, centimetres) in the template: imperial units are US-only."],
	12052915: ["package", "Use the same unit system for weight and dimensions in the template."],
	12052916: ["package", "Use metric units (kilograms, centimetres) in the template for this region."],
	12019060: ["package", "Use centimetres for dimensions in the template: other units are US-only."],
	// Images
	12052028: ["images", "Add at least one image to the product in Shopify."],
	12052300: ["images", IMAGE],
	12052722: ["images", IMAGE],
	12052301: ["images", "Use product images of at least 300×300 pixels in Shopify."],
	12052305: ["images", "Use product images with an aspect ratio between 3:4 and 4:3."],
	12052306: ["images", "TikTok allows at most 9 product images; remove some in Shopify."],
	12052340: ["images", "Check the images inside the product description in Shopify."],
	12052341: ["images", "Check the images inside the product description in Shopify."],
	12052342: ["images", "Check the images inside the product description in Shopify."],
	12052343: ["images", "Use at most 30 images inside the product description in Shopify."],
	12052522: ["images", "Check the variant images in Shopify."],
	12052524: ["images", "Check the variant images in Shopify."],
	12052670: ["images", "Upload the size chart image again in the template."],
	12052673: ["images", "Upload the size chart image again in the template."],
	12038002: ["images", IMAGE],
	12038004: ["images", IMAGE],
	12038015: ["images", IMAGE],
	12038005: ["images", "Use product images under 10 MB in Shopify."],
	12019116: ["images", IMAGE],
	12038014: ["images", IMAGE],
	12019009: ["images", IMAGE],
	// Description and title
	12052013: ["description", "Shorten the product description in Shopify to under 10,000 characters."],
	12052015: ["description", "Add a product description in Shopify."],
	12052344: ["description", DESCRIPTION],
	12052345: ["description", DESCRIPTION],
	12052348: ["description", DESCRIPTION],
	12052349: ["description", DESCRIPTION],
	12052352: ["description", DESCRIPTION],
	12052932: ["description", DESCRIPTION],
	12052266: ["description", "Write the product title and description in the market's language (English)."],
	12052351: ["description", "Write the product title and description in the market's language (English)."],
	// Duplicates
	12052996: ["duplicate_external_id", "This Shopify product is already listed on TikTok; the app links it instead of creating a copy."],
	12052592: ["permanent", "A barcode (GTIN/UPC/EAN) is already used by another TikTok product; check the variant barcodes in Shopify."],
	// Shop setup
	12052115: ["shop_setup", SETUP],
	12052402: ["shop_setup", SETUP],
	12052419: ["shop_setup", SETUP],
	12052535: ["shop_setup", SETUP],
	12052700: ["shop_setup", "Your TikTok Shop is not active; check its status in Seller Center."],
	12052995: ["shop_setup", "Finish TikTok Shop onboarding in Seller Center."],
	12052923: ["shop_setup", "Add contact information in TikTok Seller Center."],
	// Brand, SKU, price, stock: product data the merchant fixes
	12052026: ["permanent", BRAND],
	12052200: ["permanent", BRAND],
	12052201: ["permanent", BRAND],
	12052208: ["permanent", BRAND],
	12019059: ["permanent", SKU],
	12052054: ["permanent", SKU],
	12052073: ["permanent", PRICE],
	12052092: ["permanent", PRICE],
	12052570: ["permanent", PRICE],
	12052571: ["permanent", PRICE],
	12052084: ["permanent", "Your TikTok Shop does not sell in this currency; check the Shopify store currency."],
	12052055: ["permanent", "Stock must be between 1 and 99,999 when listing; check the variant inventory in Shopify."],
	12052097: ["permanent", WAREHOUSE],
	12052530: ["permanent", WAREHOUSE],
	12052531: ["permanent", WAREHOUSE],
	12019045: ["permanent", "The price is locked by a running TikTok promotion; it updates when the promotion ends."],
	12019027: ["permanent", "Search at most 10 SKUs at a time."],
	12052931: ["permanent", "Remove emoji, HTML codes and repeated characters from the product title in Shopify."],
	12019064: ["permanent", "TikTok found no category for this product; pick one in the template."],
	12052912: ["permanent", "TikTok found no category within your shop's main category; pick one in the template."],
};

/** Fallback fix per kind when the code is not in the table (or there is no code). */
export const KIND_FIX: Record<TikTokErrorKind, string> = {
	rate_limited: "TikTok asked us to slow down; the sync resumes automatically.",
	quota_exhausted: "TikTok's daily listing limit for your shop is reached; syncing resumes tomorrow.",
	auth_expired: "Reconnect TikTok Shop in Settings: the authorisation has expired.",
	auth: "Reconnect TikTok Shop in Settings.",
	invalid_signature: "The app's TikTok credentials do not match; contact support.",
	category_not_permitted: CATEGORY,
	attributes: ATTRIBUTE,
	certification: CERT,
	package: "Check the weight and package dimensions in Shopify or the template.",
	images: IMAGE,
	description: DESCRIPTION,
	duplicate_external_id: "This Shopify product is already listed on TikTok; the app links it instead of creating a copy.",
	shop_setup: SETUP,
	transient: "TikTok had a temporary problem; the sync retries automatically.",
	timeout: "TikTok did not answer in time; the sync checks whether the product was created and retries.",
	bad_response: "TikTok answered in an unexpected format; the sync retries later. Contact support if it persists.",
	permanent: "TikTok rejected the request; see TikTok's message for details.",
};
