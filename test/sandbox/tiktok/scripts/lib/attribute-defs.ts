/**
 * Attribute definitions in the shape of GET /product/202309/categories/{id}/attributes.
 * Real ids and values are used where the fixtures have them: the UK apparel
 * attributes (Colour 100000, Size 100007, Material 100157, Pattern 100198, ...),
 * the doc samples (Occasion 100392 with "Birthday" 1001533; the parent attribute
 * 101610 / value 1024358, here "Contains Batteries or Cells?" = "Batteries" as in
 * the SDK's hazmat example) and the Vietnamese sample (Country of origin 100149,
 * Movement Type 101164, Manufacturer 101489/101490). Every other id is derived
 * from a hash of the attribute or value name (see ids.ts), so it is stable.
 *
 * One TikTok attribute id can carry different value lists in different
 * categories (Material is fabric for apparel, ceramic for mugs), so definitions
 * are keyed by a sandbox key, not by id.
 */
import type { LegacyAttribute } from "./fixtures.ts";
import { SPECS } from "./attribute-specs.ts";
import { IdAllocator } from "./ids.ts";

export type Condition = { condition_type: "VALUE_ID_MATCH"; attribute_id: string; attribute_value_id: string };

export type AttributeDef = {
	id: string;
	name: string;
	type: "SALES_PROPERTY" | "PRODUCT_PROPERTY";
	is_customizable: boolean;
	is_multiple_selection: boolean;
	values: { id: string; name: string }[];
	value_data_format?: "POSITIVE_INT_OR_DECIMAL";
	requirement_conditions?: Condition[];
	/** Sandbox-only (not sent by GET attributes): the attribute must stay empty when one matches (12052183). */
};

export type AttributeDefs = Record<string, AttributeDef>;

export function buildAttributeDefs(legacy: LegacyAttribute[]): AttributeDefs {
	const attributeIds = new IdAllocator(110000, 89000);
	const valueIds = new IdAllocator(2000000, 7000000);
	const legacyValues = new Map(legacy.map((a) => [a.id, a.values ?? []]));
	for (const spec of Object.values(SPECS)) if (spec.id) attributeIds.assign(spec.name, spec.id);
	for (const a of legacy) for (const v of a.values ?? []) valueIds.assign(`${a.id}:${v.name}`, v.id);
	for (const spec of Object.values(SPECS)) {
		if (!spec.id || spec.values === "legacy" || !spec.values) continue;
		for (const v of spec.values) if (Array.isArray(v)) valueIds.assign(`${spec.id}:${v[1]}`, v[0]);
	}

	const defs: AttributeDefs = {};
	for (const [key, spec] of Object.entries(SPECS)) {
		const id = spec.id ?? attributeIds.idFor(spec.name);
		const names =
			spec.values === "legacy"
				? (legacyValues.get(id) ?? []).map((v) => v.name)
				: (spec.values ?? []).map((v) => (Array.isArray(v) ? v[1] : v));
		defs[key] = {
			id,
			name: spec.name,
			type: spec.sales ? "SALES_PROPERTY" : "PRODUCT_PROPERTY",
			is_customizable: spec.custom ?? false,
			is_multiple_selection: spec.multi ?? false,
			values: names.map((name) => ({ id: valueIds.idFor(`${id}:${name}`), name })),
			...(spec.numeric ? { value_data_format: "POSITIVE_INT_OR_DECIMAL" as const } : {}),
		};
	}
	// Conditions refer to other definitions, so they are resolved once every id exists.
	const condition = ([key, valueName]: [string, string]): Condition => {
		const parent = defs[key];
		const value = parent.values.find((v) => v.name === valueName);
		if (!value) throw new Error(`unknown value ${valueName} of ${key}`);
		return { condition_type: "VALUE_ID_MATCH", attribute_id: parent.id, attribute_value_id: value.id };
	};
	for (const [key, spec] of Object.entries(SPECS)) {
		if (spec.requiredWhen) defs[key].requirement_conditions = spec.requiredWhen.map(condition);
	}
	return defs;
}
