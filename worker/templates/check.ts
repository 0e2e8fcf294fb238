/**
 * Checks a template against TikTok's rules before it is saved: the category must
 * be a leaf the shop may list in (invite-only is allowed, with a warning;
 * prohibited, non-main and non-leaf categories are refused); attribute ids and
 * value ids must belong to the category; multi-select and custom values only
 * where allowed; a sub-attribute that must stay empty is refused; shipping
 * follows the region's unit rules. Missing required values do NOT block saving
 * (a template may be saved half-done) but block activation (readiness).
 */
import type { FieldIssue } from "../http/errors";
import { attributeRequirements, certificationRequirement, type ChosenValueIds } from "../listing";
import type { CategorySpec } from "../tiktok";
import { parseRuleSet, type RuleSet } from "./rules/schema";
import type { TemplateConfig } from "./schema";
import { validateShipping } from "./shipping/validate";
import type { TemplateBody } from "./api/body";

export function chosenValueIds(config: TemplateConfig): ChosenValueIds {
	const chosen: ChosenValueIds = {};
	for (const [id, value] of Object.entries(config.attributes)) {
		if (value.source === "fixed") chosen[id] = value.values.flatMap((v) => ("id" in v ? [v.id] : []));
	}
	return chosen;
}

export function checkCategory(spec: CategorySpec | null, categoryId: string): FieldIssue[] {
	if (!spec) return [{ path: "categoryId", message: `TikTok has no category ${categoryId} for this shop.` }];
	if (!spec.isLeaf)
		return [{ path: "categoryId", message: `"${spec.path.at(-1)?.name}" is not a leaf category; pick one of its sub-categories.` }];
	if (spec.permissionStatuses.includes("PROHIBITED"))
		return [{ path: "categoryId", message: "This category is prohibited for your shop." }];
	if (spec.permissionStatuses.includes("NON_MAIN_CATEGORY")) {
		return [
			{ path: "categoryId", message: "This category is outside your shop's main category; ask your TikTok account manager for access." },
		];
	}
	return [];
}

export function checkAttributes(spec: CategorySpec, config: TemplateConfig): FieldIssue[] {
	const issues: FieldIssue[] = [];
	const byId = new Map(spec.attributes.map((a) => [a.id, a]));
	const requirements = attributeRequirements(spec.attributes, chosenValueIds(config));
	for (const [id, value] of Object.entries(config.attributes)) {
		const path = `attributes.${id}`;
		const attribute = byId.get(id);
		if (!attribute) {
			issues.push({ path, message: `Attribute ${id} does not belong to this category.` });
			continue;
		}
		if (requirements.get(id)?.mustBeEmpty) {
			const parent = byId.get(requirements.get(id)?.emptyBecauseOf ?? "");
			issues.push({ path, message: `"${attribute.name}" must stay empty with the chosen "${parent?.name ?? "parent"}".` });
		}
		if (value.source !== "fixed") continue;
		const known = new Set((attribute.values ?? []).map((v) => v.id));
		for (const v of value.values) {
			if ("id" in v && !known.has(v.id)) issues.push({ path, message: `Value ${v.id} is not one of "${attribute.name}"'s values.` });
			if ("name" in v && !attribute.is_customizable)
				issues.push({ path, message: `"${attribute.name}" only accepts TikTok's values, not custom ones.` });
		}
		if (value.values.length > 1 && !attribute.is_multiple_selection) issues.push({ path, message: `"${attribute.name}" takes one value.` });
	}
	const certificationIds = new Set((spec.rules.product_certifications ?? []).map((c) => c.id));
	config.certifications.forEach((c, i) => {
		if (!certificationIds.has(c.id))
			issues.push({ path: `certifications.${i}.id`, message: `Certification ${c.id} is not one this category asks for.` });
	});
	return issues;
}

export function checkRules(body: Pick<TemplateBody, "match" | "rules">, isDefault: boolean): { ruleSet: RuleSet; issues: FieldIssue[] } {
	if (isDefault) {
		const issues = body.rules.length
			? [{ path: "rules", message: "The default template takes every product no other template claims; it has no rules." }]
			: [];
		return { ruleSet: { match: "all", rules: [] }, issues };
	}
	const parsed = parseRuleSet({ match: body.match, rules: body.rules });
	return parsed.ok ? { ruleSet: parsed.ruleSet, issues: [] } : { ruleSet: { match: body.match, rules: [] }, issues: parsed.issues };
}

export function checkShipping(config: TemplateConfig, region: string | null): FieldIssue[] {
	return validateShipping(config.shipping, region);
}

/**
 * What the category requires that the template does not provide. Saving allows
 * it (a template can be finished later); activation refuses it, since every
 * product would fail. Product-sourced values count as provided; readiness then
 * reports the products that lack them.
 */
export function missingRequired(spec: CategorySpec, config: TemplateConfig): FieldIssue[] {
	const issues: FieldIssue[] = [];
	const chosen = chosenValueIds(config);
	const requirements = attributeRequirements(spec.attributes, chosen);
	for (const attribute of spec.attributes) {
		if (requirements.get(attribute.id)?.required && !config.attributes[attribute.id]) {
			issues.push({ path: `attributes.${attribute.id}`, message: `"${attribute.name}" is required.` });
		}
	}
	for (const certification of spec.rules.product_certifications ?? []) {
		const value = config.certifications.find((c) => c.id === certification.id);
		const required = certificationRequirement(certification, chosen).required;
		if (required && !(value && (value.images.length || value.files.length))) {
			issues.push({ path: `certifications.${certification.id}`, message: `The certification "${certification.name}" is required.` });
		}
	}
	if (spec.rules.package_dimension?.is_required && !config.shipping.dimensions)
		issues.push({ path: "shipping.dimensions", message: "This category needs package dimensions." });
	if (spec.rules.size_chart?.is_required && !config.extra.sizeChart)
		issues.push({ path: "extra.sizeChart", message: "This category needs a size chart." });
	return issues;
}
