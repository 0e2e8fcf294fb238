/**
 * TikTok error codes the sandbox answers with, their documented messages and the
 * HTTP status the sandbox sends them with. Gateway failures carry 4xx/5xx
 * statuses (106001 is a 401 in captured traffic; 429 for 36009002); business
 * errors (12xxxxxx) arrive with HTTP 200 and a non-zero `code`, so clients must
 * branch on `code`, never on the status alone.
 * @see https://partner.tiktokshop.com/docv2/page/common-errors
 */
export const CODES: Record<number, { message: string; status?: number }> = {
	101000: {
		message: "Invalid query or header. The `category_asset_cipher` query parameter or `x-tts-access-token` header is invalid.",
		status: 401,
	},
	105002: { message: "Expired credentials. The `access_token` or `x-tts-access-token` header has expired.", status: 401 },
	106001: { message: "Invalid credentials. The `sign` query parameter is invalid.", status: 401 },
	106013: { message: "Missing identifier. The `shop_cipher` query parameter is required to identify the target shop.", status: 400 },
	36004004: { message: "Invalid auth code." },
	36009002: { message: "Too many requests. You've made too many requests in a short period of time.", status: 429 },
	36009003: {
		message: "Internal error. Please try again. If the issue persists after multiple attempts, please contact platform support.",
		status: 500,
	},
	36009004: { message: "invalid param error", status: 400 },
	36009009: { message: "Invalid path. The specified path does not match any available endpoint.", status: 404 },
	36009010: { message: "Invalid method. The HTTP method used is not supported by this endpoint.", status: 405 },
	36009021: { message: "Invalid file size. The uploaded file size exceeds the maximum limit.", status: 413 },
	36009022: {
		message:
			"Invalid request format. The request body format must be `application/json` for structured data or `multipart/form-data` for binary files.",
		status: 400,
	},
	36009023: { message: "Invalid request format. The value of the `content-type` header must be `multipart/form-data`.", status: 400 },
	11050001: { message: "invalid param" },
	12019009: { message: "product image list is invalid" },
	12019011: { message: "product package weight is invalid" },
	12019012: { message: "product package size is invalid" },
	12019019: { message: "sale property is invalid" },
	12019027: { message: "The maximum count of “seller_skus” in the search filter is 10." },
	12019059: { message: "seller sku is invalid" },
	12019061: { message: "Product weight or dimensions unit does not support the imperial units on non-US local products." },
	12019064: { message: "No matching categories. Provide the full name of your product, edit its product properties, and try again." },
	12019109: { message: "page size is invalid" },
	12019113: { message: "product status is invalid" },
	12019120: { message: "The number of provided product IDs exceeds the limit." },
	12019150: { message: "The product ID does not exist." },
	12038002: { message: "Invalid upload file. Please ensure you are passing the correct file data." },
	12038004: { message: "Failed to process the image. The format or content is not supported." },
	12038005: { message: "The file size exceeds the maximum allowed size." },
	12038014: { message: "The image dimensions exceed the allowed limits." },
	12052013: { message: "The product description cannot exceed maximum characters" },
	12052015: { message: "The product description is required" },
	12052023: { message: "Category does not exist" },
	12052024: { message: "Category is not final category" },
	12052025: { message: "The category is invalid" },
	12052028: { message: "Main product image is required" },
	12052048: { message: "You cannot edit the specified product(s) as it isn't listed in your account or shop." },
	12052050: { message: "A single product cannot have more than 100 different SKUs" },
	12052051: { message: "The product name exceed max limit characters" },
	12052054: { message: "The seller SKU text length cannot exceed max limit characters" },
	12052055: { message: "The SKU inventory quantity for the warehouse must be within allowed limits." },
	12052056: { message: "The num of image in description cannot exceed max limit" },
	12052073: { message: "The product price is invalid" },
	12052084: { message: "The provided currency is not available for this shop/region." },
	12052093: { message: "Exceeded the product listing limit for the seller." },
	12052097: { message: "The warehouse does not exist" },
	12052104: { message: "property is required" },
	12052105: { message: "required qualification miss" },
	12052116: { message: "product package size is invalid" },
	12052180: { message: "The total number of search results can not exceed 10000." },
	12052181: { message: "The package weight of the product can not be zero." },
	12052182: {
		message: "The '{{sub_property_name}}' field is required as you've selected '{{parent_property_value}}' for '{{parent_property_name}}'.",
	},
	12052183: {
		message:
			"The '{{sub_property_name}}' field should be left empty as you've selected '{{parent_property_value}}' for '{{parent_property_name}}'.",
	},
	12052217: { message: "All region shops must use V2 categories. Check the documentation for further details." },
	12052220: { message: "This category is prohibited or unsupported on TikTok Shop. Select another category." },
	12052222: { message: "category do not support cod" },
	12052223: { message: "This category is restricted. To sell in this category, apply through the Qualification Center in Seller Center." },
	12052225: {
		message:
			"You are not authorized to sell in this category because it does not fall under your shop's main category. Contact your account manager for help or select another category.",
	},
	12052241: { message: "attribute name or attribute id is empty." },
	12052242: { message: "The attribute name characters cannot exceed max_limit" },
	12052246: { message: "The {{property_type}} not support multi selected, attribute id is :{{property_id}}." },
	12052247: { message: "Do not support custom product attribute." },
	12052248: { message: "The {{property_type}} value name or attribute value id is empty." },
	12052249: {
		message: "The {{property_type}} value name characters cannot exceed {{max_limit}}, attribute value name is :{{property_value_name}}.",
	},
	12052253: { message: "Duplicate attribute value id" },
	12052254: { message: "Duplicate attribute id" },
	12052256: { message: "The {{property_name}} value need to be positive integers or positive decimals ." },
	12052261: { message: "product name is empty" },
	12052266: { message: "The product name contains non-English characters." },
	12052300: { message: "product main image uri illegal" },
	12052301: { message: "Width and length of main image must be at least {{min_limit}}, check uri {{uri}}" },
	12052306: { message: "main product images count exceed limit" },
	12052340: { message: "product description image uri illegal" },
	12052345: { message: "The product description html tag not support." },
	12052348: { message: "The product description html tag required attribute is miss." },
	12052351: { message: "The product description contains non-English characters." },
	12052369: { message: "external_id length check fail" },
	12052375: { message: "product list price is invalid" },
	12052385: { message: "Please enter valid certificate expiration date" },
	12052520: { message: "product sale property image uri illegal" },
	12052525: { message: "The attribute max num cannot exceed 3." },
	12052527: { message: "The sale attribute id not exist." },
	12052528: {
		message:
			"You can add images to only 1 product variation, which will serve as the primary variation for display in the product options gallery.",
	},
	12052529: { message: "The property value id not exist." },
	12052530: { message: "The warehouse ' {{warehouse ID}} ' does not belong to this shop/seller." },
	12052550: { message: "SKU property must contain all properties" },
	12052553: { message: "Sku id duplicate" },
	12052555: { message: "The warehouse id is duplicate" },
	12052557: { message: "The SKU ID does not belong to the product." },
	12052560: { message: "The SKU contains duplicate sales attribute." },
	12052570: { message: "product price exceed limit" },
	12052571: { message: "Missing price for SKU(s)" },
	12052591: { message: "Invalid number of digits of identifier code" },
	12052592: { message: "Identifier code already entered, cannot enter the same code twice" },
	12052650: { message: "product qualification image uri illegal" },
	12052655: { message: "qualification id not exist" },
	12052656: { message: "qualification id duplicate" },
	12052657: { message: "qualification image and pdf file is out of limit." },
	12052658: { message: "product qualification file uri illegal" },
	12052670: { message: "The size chart image URI is invalid. Note: API users must use the URI generated by the Upload Product Image API." },
	12052673: { message: "Product sizechart image is required" },
	12052901: { message: "The product in its current status is not available for this operation. Change the product status and try again." },
	12052910: { message: "Invalid input parameters. Refer to the API documentation for details." },
	12052915: { message: "package weight unit and dimension unit miss match." },
	12052931: {
		message:
			"The title must follow these formatting rules: it cannot contain HTML escape characters (e.g.,  ), emojis, or ASCII control characters (e.g., \\u007F). It also cannot consist solely of symbols (e.g., //// or !@#$$$&), nor can it have more than 9 consecutive repeated characters (e.g., aaaaaaaaa or 111111111).",
	},
	12052932: {
		message:
			"The description must follow these formatting rules: it cannot contain HTML escape characters (e.g.,  ), emojis, or ASCII control characters (e.g., \\u007F). It also cannot consist solely of symbols (e.g., //// or !@#$$$&), nor can it have more than 9 consecutive repeated characters (e.g., aaaaaaaaa or 111111111).",
	},
	12052990: { message: "The check failed." },
	12052996: { message: "external_id duplicated" },
};

export function messageFor(code: number): string {
	return CODES[code]?.message ?? "Unknown error";
}

export function statusFor(code: number): number {
	return CODES[code]?.status ?? 200;
}
