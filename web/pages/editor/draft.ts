/** The editor's working copy of a template, and the request body it saves as. */
import type { Extra, RuleRow, Settings, Shipping, TemplateConfigValue, TemplateView } from "../../lib/types";
import type { ChosenCategory } from "./category";

export type Draft = TemplateConfigValue & {
	name: string;
	category: ChosenCategory | null;
	match: "all" | "any";
	rules: RuleRow[];
};

export const DEFAULT_EXTRA: Extra = {
	brandId: null,
	titlePrefix: "",
	titleSuffix: "",
	descriptionFooter: "",
	sizeChart: null,
	isCodAllowed: false,
};

export function defaultShipping(settings: Pick<Settings, "unitSystem" | "region"> | undefined): Shipping {
	const imperial = settings?.unitSystem === "imperial" && (settings.region ?? "US") === "US";
	return { weightSource: "shopify", weightUnit: imperial ? "POUND" : "KILOGRAM", backupWeight: null, customWeight: null, dimensions: null };
}

export function newDraft(isDefault: boolean, settings: Settings | undefined): Draft {
	return {
		name: isDefault ? "Default template" : "",
		category: null,
		match: "all",
		rules: isDefault ? [] : [{ column: "product_type", relation: "equals", condition: "" }],
		attributes: {},
		certifications: [],
		shipping: defaultShipping(settings),
		extra: { ...DEFAULT_EXTRA },
	};
}

export function draftOf(t: TemplateView): Draft {
	return {
		name: t.name,
		category: t.category
			? { id: t.category.id, path: t.category.path, inviteOnly: t.category.inviteOnly, applyUrl: t.category.applyUrl }
			: null,
		match: t.match,
		rules: t.rules.map((r) => ({ column: r.column, relation: r.relation, condition: r.condition ?? "" })),
		attributes: t.attributes,
		certifications: t.certifications,
		shipping: t.shipping,
		extra: { ...DEFAULT_EXTRA, ...t.extra },
	};
}

export function bodyOf(d: Draft, isDefault: boolean) {
	return {
		name: d.name,
		categoryId: d.category?.id ?? null,
		match: d.match,
		rules: isDefault ? [] : d.rules,
		attributes: d.attributes,
		certifications: d.certifications,
		shipping: d.shipping,
		extra: d.extra,
	};
}

/** Whether two drafts save the same template (NaN placeholders compare equal). */
export const sameDraft = (a: Draft | null, b: Draft | null) => JSON.stringify(a) === JSON.stringify(b);
