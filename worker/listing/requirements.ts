/**
 * Which category attributes and certifications are required, and which must stay
 * empty, given the values chosen so far. Re-evaluated on every change (the
 * editor calls it on each keystroke; saving and listing call it again).
 *
 * - Required: `is_requried` (TikTok's spelling), or ANY `VALUE_ID_MATCH`
 *   condition whose parent attribute has that value chosen (OR semantics).
 * - Must stay empty (TikTok 12052183): a conditional (sub-)attribute whose parent
 *   attribute HAS a value, none of which is one the sub-attribute's conditions
 *   name: the parent's value does not call for it.
 * - Unknown condition types are reported as "may be required": a warning, never a block.
 * Pure: the UI imports this module too.
 */
import type { CategoryAttribute, CategoryCertification, RequirementCondition } from "../tiktok/category-spec";

/** Attribute id -> chosen value ids (custom names carry no id and match no condition). */
export type ChosenValueIds = Record<string, string[]>;

export type Requirement = {
	required: boolean;
	/** The parent attribute/value that made an optional item required. */
	requiredBy?: { attributeId: string; valueId: string };
	mustBeEmpty: boolean;
	/** The parent attribute whose value rules this item out. */
	emptyBecauseOf?: string;
	/** Conditions of a type we cannot evaluate: the item may be required. */
	uncertain: boolean;
};

function evaluate(alwaysRequired: boolean, conditions: RequirementCondition[] = [], chosen: ChosenValueIds): Requirement {
	const known = conditions.filter((c) => c.condition_type === "VALUE_ID_MATCH");
	const uncertain = known.length < conditions.length;
	const hit = known.find((c) => (chosen[c.attribute_id] ?? []).includes(c.attribute_value_id));
	if (alwaysRequired || hit) {
		return {
			required: true,
			requiredBy: hit && !alwaysRequired ? { attributeId: hit.attribute_id, valueId: hit.attribute_value_id } : undefined,
			mustBeEmpty: false,
			uncertain,
		};
	}
	const parents = [...new Set(known.map((c) => c.attribute_id))];
	const blockingParent = parents.find((parent) => (chosen[parent] ?? []).length > 0);
	return { required: false, mustBeEmpty: blockingParent !== undefined, emptyBecauseOf: blockingParent, uncertain };
}

export function attributeRequirement(attribute: CategoryAttribute, chosen: ChosenValueIds): Requirement {
	// Sales properties are never "required" at the product level: they define variants.
	const always = attribute.type === "PRODUCT_PROPERTY" && attribute.is_requried === true;
	return evaluate(always, attribute.requirement_conditions, chosen);
}

export function certificationRequirement(certification: CategoryCertification, chosen: ChosenValueIds): Requirement {
	return evaluate(certification.is_required, certification.requirement_conditions, chosen);
}

export function attributeRequirements(attributes: CategoryAttribute[], chosen: ChosenValueIds): Map<string, Requirement> {
	return new Map(attributes.map((a) => [a.id, attributeRequirement(a, chosen)]));
}
