/** The kinds of TikTok failure the app acts on; both the code table and the classifier name them. */
export type TikTokErrorKind =
	| "rate_limited"
	| "quota_exhausted"
	| "auth_expired"
	| "auth"
	| "invalid_signature"
	| "category_not_permitted"
	| "attributes"
	| "certification"
	| "package"
	| "images"
	| "description"
	| "duplicate_external_id"
	| "shop_setup"
	| "transient"
	| "timeout"
	| "bad_response"
	| "permanent";
