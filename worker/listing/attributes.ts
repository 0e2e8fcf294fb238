/**
 * The template's attribute values for one product. Fixed values are used as
 * saved (by value id or custom name); product-sourced values are read from the
 * product (vendor, product type, an option's values, tags with a prefix) and
 * matched to the attribute's value ids by name, else sent as custom names where
 * the attribute is customizable. Requirements are then evaluated on the product's
 * own values, because a product-sourced parent value can make a child required.
 */
import type { CatalogProduct } from "../catalog";
import type { CategoryAttribute, CategoryCertification, ListingBody, ProductAttribute } from "../tiktok";
import type { ListingAttributeValue as AttributeValue, ListingCertification as Certification } from "./config";
import type { Problem } from "./problems";
import { attributeRequirement, certificationRequirement, type ChosenValueIds } from "./requirements";

function productValues(product: CatalogProduct, source: Extract<AttributeValue, { source: "product" }>): string[] {
	switch (source.field) {
		case "vendor":
			return product.vendor ? [product.vendor] : [];
		case "product_type":
			return product.productType ? [product.productType] : [];
		case "option": {
			const key = (source.key ?? "").toLowerCase();
			const index = product.options.findIndex((o) => o.name.toLowerCase() === key);
			if (index < 0) return [];
			const values = product.variants.map((v) => [v.option1, v.option2, v.option3][index]).filter((v): v is string => !!v);
			return [...new Set(values)];
		}
		case "tag_prefix": {
			const prefix = (source.key ?? "").toLowerCase();
			return product.tags
				.filter((t) => t.toLowerCase().startsWith(prefix) && t.length > prefix.length)
				.map((t) => t.slice(prefix.length).trim());
		}
	}
}

function resolve(attribute: CategoryAttribute | undefined, value: AttributeValue, product: CatalogProduct): ProductAttribute["values"] {
	if (value.source === "fixed") return value.values;
	return productValues(product, value).map((name) => {
		const known = attribute?.values?.find((v) => v.name.trim().toLowerCase() === name.trim().toLowerCase());
		return known ? { id: known.id } : { name };
	});
}

export type AttributeResult = {
	productAttributes: NonNullable<ListingBody["product_attributes"]>;
	certifications: NonNullable<ListingBody["certifications"]>;
	problems: Problem[];
};

export function buildAttributes(
	product: CatalogProduct,
	chosen: Record<string, AttributeValue>,
	certificationValues: Certification[],
	categoryAttributes: CategoryAttribute[],
	categoryCertifications: CategoryCertification[],
): AttributeResult {
	const problems: Problem[] = [];
	const byId = new Map(categoryAttributes.map((a) => [a.id, a]));
	const resolved = new Map<string, ProductAttribute["values"]>();
	for (const [id, value] of Object.entries(chosen)) {
		const refs = resolve(byId.get(id), value, product);
		if (refs.length) resolved.set(id, refs);
	}
	const ids: ChosenValueIds = {};
	for (const [id, refs] of resolved) ids[id] = refs.flatMap((r) => (r.id !== undefined ? [r.id] : []));

	for (const attribute of categoryAttributes.filter((a) => a.type === "PRODUCT_PROPERTY")) {
		const requirement = attributeRequirement(attribute, ids);
		const refs = resolved.get(attribute.id);
		if (requirement.required && !refs) {
			problems.push({
				code: "MISSING_ATTRIBUTE",
				message: requirement.requiredBy
					? `"${attribute.name}" is required by another attribute's value.`
					: `"${attribute.name}" is required by the TikTok category.`,
				fix: `Fill "${attribute.name}" in the template, or pick a product field that has a value for this product.`,
				field: `attributes.${attribute.id}`,
			});
		}
		if (requirement.mustBeEmpty && refs) {
			const parent = byId.get(requirement.emptyBecauseOf ?? "");
			problems.push({
				code: "ATTRIBUTE_MUST_BE_EMPTY",
				message: `"${attribute.name}" must stay empty with the chosen "${parent?.name ?? "parent"}".`,
				fix: `Clear "${attribute.name}" in the template.`,
				field: `attributes.${attribute.id}`,
			});
		}
		if (refs && !attribute.is_customizable && refs.some((r) => "name" in r)) {
			problems.push({
				code: "ATTRIBUTE_VALUE_INVALID",
				message: `"${attribute.name}" only accepts TikTok's values; this product's value is not one of them.`,
				fix: `Choose a fixed value for "${attribute.name}" in the template.`,
				field: `attributes.${attribute.id}`,
			});
		}
		if (refs && refs.length > 1 && !attribute.is_multiple_selection) {
			problems.push({
				code: "ATTRIBUTE_VALUE_INVALID",
				message: `"${attribute.name}" takes one value.`,
				fix: `Keep one value for "${attribute.name}".`,
				field: `attributes.${attribute.id}`,
			});
		}
	}

	const certs = new Map(certificationValues.map((c) => [c.id, c]));
	for (const certification of categoryCertifications) {
		const value = certs.get(certification.id);
		const filled = value && (value.images.length > 0 || value.files.length > 0);
		if (certificationRequirement(certification, ids).required && !filled) {
			problems.push({
				code: "MISSING_CERTIFICATION",
				message: `The certification "${certification.name}" is required in this category.`,
				fix: `Upload "${certification.name}" in the template's attributes section.`,
				field: `certifications.${certification.id}`,
			});
		}
	}

	const productAttributes = [...resolved].filter(([id]) => byId.get(id)?.type !== "SALES_PROPERTY").map(([id, values]) => ({ id, values }));
	const certifications = certificationValues
		.filter((c) => c.images.length > 0 || c.files.length > 0)
		.map((c) => ({
			id: c.id,
			...(c.images.length ? { images: c.images } : {}),
			...(c.files.length ? { files: c.files.map((f) => ({ id: f.id, name: f.name, format: "PDF" as const })) } : {}),
			...(c.expiresAt ? { expiration_date: c.expiresAt } : {}),
		}));
	return { productAttributes, certifications, problems };
}
