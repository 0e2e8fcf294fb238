/**
 * The committed catalogue (../../data, written by scripts/build-catalog.ts) with
 * read-only indexes. Immutable data only: nothing here changes at run time.
 */
import attributesJson from "../../data/attributes.json";
import categoriesJson from "../../data/categories.json";
import rulesJson from "../../data/rules.json";

export type Category = { id: string; parent_id: string; local_name: string; is_leaf: boolean; permission_statuses: string[] };

export type Condition = { condition_type: string; attribute_id: string; attribute_value_id: string };

export type AttributeDef = {
	id: string;
	name: string;
	type: "SALES_PROPERTY" | "PRODUCT_PROPERTY";
	is_customizable: boolean;
	is_multiple_selection: boolean;
	values: { id: string; name: string }[];
	value_data_format?: string;
	requirement_conditions?: Condition[];
};

export type LeafAttribute = AttributeDef & { required: boolean };

export type CertificationRule = { id: string; is_required: boolean; expiration_required: boolean; conditions?: Condition[] };

export type LeafRules = {
	cod: boolean;
	epr: boolean;
	manufacturer: boolean;
	package_dimension: boolean;
	responsible_person: boolean;
	size_chart: { is_supported: boolean; is_required: boolean };
	certifications: CertificationRule[];
};

export type CertificationDef = { id: string; name: string; document_details: string; sample_image_url: string };

const categoryData = categoriesJson as unknown as { categories: Category[] };
const attributeData = attributesJson as unknown as {
	attributes: Record<string, AttributeDef>;
	sets: [string, 0 | 1][][];
	leaves: Record<string, number>;
};
const rulesData = rulesJson as unknown as {
	certifications: Record<string, CertificationDef>;
	sets: LeafRules[];
	leaves: Record<string, number>;
};

export const CATEGORIES: readonly Category[] = categoryData.categories;
const byId = new Map(CATEGORIES.map((c) => [c.id, c]));

export function categoryById(id: string): Category | undefined {
	return byId.get(id);
}

/** Root-first chain ending at `id`. */
export function categoryPath(id: string): Category[] {
	const chain: Category[] = [];
	for (let c = byId.get(id); c; c = c.parent_id === "0" ? undefined : byId.get(c.parent_id)) chain.unshift(c);
	return chain;
}

export function leafAttributes(id: string): LeafAttribute[] {
	const set = attributeData.sets[attributeData.leaves[id]];
	if (!set) return [];
	return set.map(([key, required]) => ({ ...attributeData.attributes[key], required: required === 1 }));
}

export function leafRules(id: string): LeafRules | undefined {
	return rulesData.sets[rulesData.leaves[id]];
}

export function certificationDef(id: string): CertificationDef | undefined {
	return rulesData.certifications[id];
}
