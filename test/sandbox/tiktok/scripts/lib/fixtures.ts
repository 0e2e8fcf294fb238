/**
 * Typed readers for the public fixture files (see SOURCES.md next to them). Only
 * the data scripts read these; the Worker imports the committed output in ../data.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export type FixtureCategory = {
	id: string;
	parent_id: string;
	local_name: string;
	is_leaf: boolean;
	permission_statuses: string[];
};

export type UkLeaf = { id: string; local_name: string; category_path: string };

export type FixtureCertification = {
	id: string;
	name: string;
	is_required: boolean;
	document_details: string;
	sample_image_url: string;
	requirement_conditions?: { condition_type: string; attribute_id: string; attribute_value_id: string }[];
};

export type FixtureRules = {
	cod: { is_supported: boolean };
	epr: { is_required: boolean };
	manufacturer: { is_required: boolean };
	package_dimension: { is_required: boolean };
	product_certifications: FixtureCertification[];
	responsible_person: { is_required: boolean };
	size_chart: { is_required: boolean; is_supported: boolean };
};

export type LegacyAttribute = {
	attribute_type: number;
	id: string;
	name: string;
	required: boolean;
	is_multiselect: boolean;
	customized_name: boolean;
	values?: { id: string; name: string }[];
};

export type Fixtures = {
	indonesia: FixtureCategory[];
	brazil: FixtureCategory[];
	ukLeaves: UkLeaf[];
	rulesById: Record<string, { name: string; parent_id: string; rules: FixtureRules }>;
	legacyAttributes: LegacyAttribute[];
};

function read<T>(dir: string, file: string): T {
	return JSON.parse(readFileSync(path.join(dir, file), "utf8")) as T;
}

export function loadFixtures(dir: string): Fixtures {
	return {
		indonesia: read<{ categories: FixtureCategory[] }>(dir, "categories-id-ID.json").categories,
		brazil: read<{ categories: FixtureCategory[] }>(dir, "categories-pt-BR.json").categories,
		ukLeaves: read<{ categories: UkLeaf[] }>(dir, "categories-en-GB-leaf-paths.json").categories,
		rulesById: read<{ rules: Fixtures["rulesById"] }>(dir, "rules-id-ID-all.json").rules,
		legacyAttributes: read<{ attributes: LegacyAttribute[] }>(dir, "attributes-en-GB-apparel-legacy.json").attributes,
	};
}
