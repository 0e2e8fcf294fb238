/** What an attribute input receives and emits: TikTok value ids or custom names, or a value read from each product. */
import type { AttributeValue, CategoryAttribute } from "../../lib/types";

export type AttributeState = { required: boolean; disabledReason?: string; requiredReason?: string; uncertain: boolean };
export type Props = {
	attribute: CategoryAttribute;
	value: AttributeValue | undefined;
	state: AttributeState;
	error?: string;
	onChange: (value: AttributeValue | undefined) => void;
};
export type Fixed = Extract<AttributeValue, { source: "fixed" }>;
export const fixedOf = (value: AttributeValue | undefined): Fixed["values"] => (value?.source === "fixed" ? value.values : []);
export const fixed = (values: Fixed["values"]): AttributeValue | undefined => (values.length ? { source: "fixed", values } : undefined);
