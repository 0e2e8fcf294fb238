import { describe, expect, it } from "vitest";
import type { CategoryAttribute } from "../worker/tiktok/category-spec";
import { attributeRequirement } from "../worker/listing/requirements";

const batteries: CategoryAttribute = {
	id: "A",
	name: "Contains Batteries or Cells?",
	type: "PRODUCT_PROPERTY",
	is_requried: true,
	values: [
		{ id: "yes", name: "Batteries" },
		{ id: "no", name: "None" },
	],
};
const batteryType: CategoryAttribute = {
	id: "B",
	name: "Battery type",
	type: "PRODUCT_PROPERTY",
	is_requried: false,
	requirement_conditions: [{ condition_type: "VALUE_ID_MATCH", attribute_id: "A", attribute_value_id: "yes" }],
};

describe("conditional attribute requirements", () => {
	it("an always-required attribute is required", () => {
		expect(attributeRequirement(batteries, {})).toMatchObject({ required: true, mustBeEmpty: false });
	});
	it("an optional sub-attribute becomes required the moment its parent value is chosen", () => {
		expect(attributeRequirement(batteryType, {})).toMatchObject({ required: false, mustBeEmpty: false });
		expect(attributeRequirement(batteryType, { A: ["yes"] })).toMatchObject({
			required: true,
			requiredBy: { attributeId: "A", valueId: "yes" },
		});
	});
	it("must stay empty when the parent has a value that does not call for it", () => {
		expect(attributeRequirement(batteryType, { A: ["no"] })).toMatchObject({ required: false, mustBeEmpty: true, emptyBecauseOf: "A" });
	});
	it("any matching condition is enough (OR semantics)", () => {
		const either: CategoryAttribute = {
			...batteryType,
			requirement_conditions: [
				{ condition_type: "VALUE_ID_MATCH", attribute_id: "A", attribute_value_id: "yes" },
				{ condition_type: "VALUE_ID_MATCH", attribute_id: "C", attribute_value_id: "c1" },
			],
		};
		expect(attributeRequirement(either, { A: ["no"], C: ["c1"] }).required).toBe(true);
	});
	it("unknown condition types warn instead of blocking", () => {
		const odd: CategoryAttribute = {
			...batteryType,
			requirement_conditions: [{ condition_type: "RANGE", attribute_id: "A", attribute_value_id: "x" }],
		};
		expect(attributeRequirement(odd, { A: ["yes"] })).toMatchObject({ required: false, mustBeEmpty: false, uncertain: true });
	});
});
