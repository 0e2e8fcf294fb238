/**
 * What a TikTok category asks of a listing, as returned by Get Attributes and
 * Get Category Rules (202309). Structural types: the TikTok client's zod schemas
 * produce values of these shapes. Pure module: the UI imports it too.
 * @see ../../shared reference: tiktok-shop-api.md §3.3-3.5
 */
export type RequirementCondition = { condition_type: string; attribute_id: string; attribute_value_id: string };

export type CategoryAttribute = {
	id: string;
	name: string;
	type: "SALES_PROPERTY" | "PRODUCT_PROPERTY";
	/** TikTok's own spelling. true = always required (product properties only). */
	is_requried?: boolean;
	is_customizable?: boolean;
	is_multiple_selection?: boolean;
	values?: { id: string; name: string }[];
	value_data_format?: string;
	requirement_conditions?: RequirementCondition[];
};

export type CategoryCertification = {
	id: string;
	name: string;
	is_required: boolean;
	document_details?: unknown;
	sample_image_url?: string;
	expiration_date?: { is_required: boolean };
	requirement_conditions?: RequirementCondition[];
};

export type CategoryRules = {
	package_dimension?: { is_required: boolean };
	size_chart?: { is_supported: boolean; is_required: boolean };
	product_certifications?: CategoryCertification[];
	cod?: { is_supported: boolean };
};

export type CategorySpec = {
	id: string;
	version: "v1" | "v2";
	/** Root to leaf. */
	path: { id: string; name: string }[];
	isLeaf: boolean;
	permissionStatuses: string[];
	attributes: CategoryAttribute[];
	rules: CategoryRules;
};
