/**
 * Product attributes against the leaf's definitions: value ids must exist, custom
 * names only where `is_customizable`, one value unless `is_multiple_selection`,
 * numbers where `value_data_format` says so, every `is_requried` attribute
 * present, conditionally required ones (`requirement_conditions`, OR semantics)
 * present when a condition matches, and sub-attributes empty when the parent's
 * value rules them out (12052183). Unknown attribute ids are cleared with a
 * warning, as TikTok does for fields it cannot use.
 * @see https://partner.tiktokshop.com/docv2/page/get-attributes-202309
 */
import type { Condition, LeafAttribute } from "../../catalog/data.ts";
import { type Checker, arr, obj, str } from "./checker.ts";

export type DraftAttribute = { id: string; name: string; values: { id?: string; name: string }[] };

/** Chosen value ids per attribute id, for VALUE_ID_MATCH conditions (also used by certifications). */
export type Chosen = Map<string, string[]>;

export function matches(conditions: Condition[] | undefined, chosen: Chosen): Condition | undefined {
	return conditions?.find(
		(k) => k.condition_type === "VALUE_ID_MATCH" && (chosen.get(k.attribute_id) ?? []).includes(k.attribute_value_id),
	);
}

const NUMBER = /^\d+(\.\d+)?$/;

export function checkProductAttributes(
	body: Record<string, unknown>,
	c: Checker,
	leaf: LeafAttribute[],
	warnings: { message: string }[],
): { attributes: DraftAttribute[]; chosen: Chosen } {
	const attributes: DraftAttribute[] = [];
	const chosen: Chosen = new Map();
	const seen = new Set<string>();
	for (const item of arr(body.product_attributes) ?? []) {
		const o = obj(item) ?? {};
		const id = str(o.id);
		if (!id) {
			c.fail(12052241);
			continue;
		}
		const def = leaf.find((a) => a.type === "PRODUCT_PROPERTY" && a.id === id);
		if (!def) {
			warnings.push({
				message: `The [product_attributes]:${id} field is incorrect and has been automatically cleared by the system. Reason: [Attribute does not exist in this category]. You can edit it later.`,
			});
			continue;
		}
		if (seen.has(id)) {
			c.fail(12052254);
			continue;
		}
		seen.add(id);
		const values = (arr(o.values) ?? []).map((v) => obj(v) ?? {});
		if (values.length === 0) {
			c.fail(12052248, { property_type: "product property" });
			continue;
		}
		if (values.length > 1 && !def.is_multiple_selection) c.fail(12052246, { property_type: "product property", property_id: id });
		const resolved: { id?: string; name: string }[] = [];
		for (const v of values) {
			const valueId = str(v.id);
			const valueName = str(v.name);
			if (valueId) {
				const known = def.values.find((x) => x.id === valueId);
				if (!known) c.fail(12052529);
				else if (resolved.some((r) => r.id === valueId)) c.fail(12052253);
				else resolved.push({ id: valueId, name: known.name });
			} else if (valueName) {
				if (!def.is_customizable) c.fail(12052247);
				else if (valueName.length > 2000)
					c.fail(12052249, { property_type: "product property", max_limit: "2000", property_value_name: valueName.slice(0, 40) });
				else if (def.value_data_format === "POSITIVE_INT_OR_DECIMAL" && !(NUMBER.test(valueName) && Number(valueName) > 0)) {
					c.fail(12052256, { property_name: def.name });
				} else resolved.push({ name: valueName });
			} else c.fail(12052248, { property_type: "product property" });
		}
		attributes.push({ id, name: def.name, values: resolved });
		chosen.set(
			id,
			resolved.flatMap((r) => (r.id ? [r.id] : [])),
		);
	}
	checkRequirements(c, leaf, chosen, seen);
	return { attributes, chosen };
}

/**
 * TikTok documents 12052183 ("sub-property must be empty") but no field that says
 * when; the sandbox reads it from the sub-attribute's own conditions: it is out of
 * place when its parent has a value and none of that parent's values it names.
 */
function ruledOut(
	conditions: LeafAttribute["requirement_conditions"],
	chosen: Chosen,
): { attributeId: string; valueId: string } | undefined {
	const known = (conditions ?? []).filter((cond) => cond.condition_type === "VALUE_ID_MATCH");
	for (const parent of new Set(known.map((cond) => cond.attribute_id))) {
		const values = chosen.get(parent) ?? [];
		const wanted = known.filter((cond) => cond.attribute_id === parent).map((cond) => cond.attribute_value_id);
		if (values.length > 0 && !values.some((v) => wanted.includes(v))) return { attributeId: parent, valueId: values[0] };
	}
	return undefined;
}

function checkRequirements(c: Checker, leaf: LeafAttribute[], chosen: Chosen, present: Set<string>): void {
	const nameOf = (attributeId: string, valueId: string) => {
		const parent = leaf.find((a) => a.id === attributeId);
		return { parent: parent?.name ?? attributeId, value: parent?.values.find((v) => v.id === valueId)?.name ?? valueId };
	};
	for (const def of leaf) {
		if (def.type !== "PRODUCT_PROPERTY") continue;
		if (def.required && !present.has(def.id)) {
			c.fail(12052104, `(attribute_id: ${def.id}, name: ${def.name})`);
			continue;
		}
		const trigger = !def.required && !present.has(def.id) ? matches(def.requirement_conditions, chosen) : undefined;
		if (trigger) {
			const n = nameOf(trigger.attribute_id, trigger.attribute_value_id);
			c.fail(12052182, { sub_property_name: def.name, parent_property_value: n.value, parent_property_name: n.parent });
		}
		const forbid = present.has(def.id) ? ruledOut(def.requirement_conditions, chosen) : undefined;
		if (forbid) {
			const n = nameOf(forbid.attributeId, forbid.valueId);
			c.fail(12052183, { sub_property_name: def.name, parent_property_value: n.value, parent_property_name: n.parent });
		}
	}
}
