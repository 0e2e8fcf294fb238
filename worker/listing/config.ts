/**
 * What the listing builder reads of a template's configuration. Declared here
 * so the builder does not depend on templates/ (which builds on it for
 * readiness and validation); templates' `TemplateConfig` has this shape, and
 * the compiler checks it wherever a template's configuration reaches the builder.
 */
export type ValueRef = { id: string } | { name: string };

export type ListingAttributeValue =
	| { source: "fixed"; values: ValueRef[] }
	| { source: "product"; field: "vendor" | "product_type" | "option" | "tag_prefix"; key?: string };

export type ListingCertification = {
	id: string;
	images: { uri: string }[];
	files: { id: string; name: string; format: "PDF" }[];
	expiresAt: number | null;
};

export type WeightUnit = "KILOGRAM" | "GRAM" | "POUND";

export type ListingShipping = {
	weightSource: "shopify" | "custom";
	weightUnit: WeightUnit;
	backupWeight: number | null;
	customWeight: number | null;
	dimensions: { length: number; width: number; height: number; unit: "CENTIMETER" | "INCH" } | null;
};

export type ListingExtra = {
	brandId: string | null;
	titlePrefix: string;
	titleSuffix: string;
	descriptionFooter: string;
	sizeChart: { imageUri: string } | { templateId: string } | null;
	isCodAllowed: boolean;
};

export type ListingConfig = {
	attributes: Record<string, ListingAttributeValue>;
	certifications: ListingCertification[];
	shipping: ListingShipping;
	extra: ListingExtra;
};
