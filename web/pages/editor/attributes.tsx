/**
 * The category's product attributes as a form. Requirements are re-evaluated on
 * every change with the Worker's own rules (attributes/requirements.ts): an
 * optional attribute gets its asterisk the moment another choice makes it
 * required, and a sub-attribute the chosen parent value rules out is disabled,
 * explained, and emptied (TikTok refuses it otherwise). Sales properties
 * (colour, size…) come from the Shopify options, so they are not asked here.
 */
import { attributeRequirements, type ChosenValueIds, type Requirement } from "../../../worker/listing/requirements";
import { messageAt } from "../../lib/api";
import type { AttributeValue, CategoryAttribute, FieldIssue } from "../../lib/types";
import { AttributeInput, type AttributeState } from "./attribute-input";

type Values = Record<string, AttributeValue>;
type Props = { attributes: CategoryAttribute[]; values: Values; onChange: (values: Values) => void; issues?: FieldIssue[] };

export function chosenValueIds(values: Values): ChosenValueIds {
	const chosen: ChosenValueIds = {};
	for (const [id, value] of Object.entries(values))
		if (value.source === "fixed") chosen[id] = value.values.flatMap((v) => ("id" in v ? [v.id] : []));
	return chosen;
}

/** Drops values that must stay empty; repeated because emptying one can free another. */
export function withoutRuledOut(attributes: CategoryAttribute[], values: Values): Values {
	let next = values;
	for (let round = 0; round < attributes.length; round++) {
		const requirements = attributeRequirements(attributes, chosenValueIds(next));
		const ruledOut = Object.keys(next).filter((id) => requirements.get(id)?.mustBeEmpty);
		if (!ruledOut.length) return next;
		next = Object.fromEntries(Object.entries(next).filter(([id]) => !ruledOut.includes(id)));
	}
	return next;
}

function stateOf(requirement: Requirement | undefined, byId: Map<string, CategoryAttribute>, chosen: ChosenValueIds): AttributeState {
	if (!requirement) return { required: false, uncertain: false };
	const nameOf = (attributeId: string, valueId?: string) => {
		const attribute = byId.get(attributeId);
		const value = valueId
			? attribute?.values?.find((v) => v.id === valueId)?.name
			: (chosen[attributeId] ?? []).map((id) => attribute?.values?.find((v) => v.id === id)?.name ?? id).join(", ");
		return { attribute: attribute?.name ?? attributeId, value: value ?? valueId ?? "" };
	};
	let requiredReason: string | undefined;
	if (requirement.requiredBy) {
		const parent = nameOf(requirement.requiredBy.attributeId, requirement.requiredBy.valueId);
		requiredReason = `Required because “${parent.attribute}” is “${parent.value}”.`;
	}
	let disabledReason: string | undefined;
	if (requirement.mustBeEmpty && requirement.emptyBecauseOf) {
		const parent = nameOf(requirement.emptyBecauseOf);
		disabledReason = `Not used when “${parent.attribute}” is “${parent.value}”: TikTok requires it to stay empty.`;
	}
	return { required: requirement.required, requiredReason, disabledReason, uncertain: requirement.uncertain };
}

export function AttributeForm({ attributes, values, onChange, issues }: Props) {
	const shown = attributes.filter((a) => a.type !== "SALES_PROPERTY");
	const chosen = chosenValueIds(values);
	const requirements = attributeRequirements(attributes, chosen);
	const byId = new Map(attributes.map((a) => [a.id, a]));
	const sales = attributes.filter((a) => a.type === "SALES_PROPERTY").map((a) => a.name);
	const set = (id: string, value: AttributeValue | undefined) => {
		const next = { ...values };
		if (value) next[id] = value;
		else delete next[id];
		onChange(withoutRuledOut(attributes, next));
	};
	if (!shown.length) return <p class="muted">This category has no product attributes to fill in.</p>;
	return (
		<div class="attributes">
			{sales.length > 0 && <p class="hint">{sales.join(" and ")} come from each product's Shopify options.</p>}
			{shown.map((attribute) => (
				<AttributeInput
					key={attribute.id}
					attribute={attribute}
					value={values[attribute.id]}
					state={stateOf(requirements.get(attribute.id), byId, chosen)}
					error={messageAt(issues, `attributes.${attribute.id}`)}
					onChange={(value) => set(attribute.id, value)}
				/>
			))}
		</div>
	);
}
