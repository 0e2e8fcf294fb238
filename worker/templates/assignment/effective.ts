/**
 * Which template a product belongs to, in memory (e.g. for a product that just
 * arrived by webhook): the first ACTIVE non-default template, in priority order
 * (lowest `priority` first, ties by id), whose rules match; else the default
 * template (is_default, no rules), whatever its own `isActive` (callers decide
 * whether an inactive default syncs). `claim.ts` is the same decision in SQL.
 */
import type { CatalogProduct } from "../../catalog";
import { matchesRuleSet } from "../rules/predicate";
import type { TemplateWithRules } from "./types";

/** Priority order: lower number first, then the smaller id (code-unit order, as SQLite's BINARY). */
export function byPriority(a: { priority: number; id: string }, b: { priority: number; id: string }): number {
	return a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Non-default templates that may claim products, highest priority first. */
export function claimingOrder(templates: readonly TemplateWithRules[], options: { includeInactive?: boolean } = {}): TemplateWithRules[] {
	return templates.filter((t) => !t.isDefault && (t.isActive || options.includeInactive)).sort(byPriority);
}

export function defaultTemplate(templates: readonly TemplateWithRules[]): TemplateWithRules | null {
	return templates.find((t) => t.isDefault) ?? null;
}

/**
 * The template that takes `product`, or null when nothing matches and the shop has
 * no default template. `includeInactive` also lets inactive templates match (in
 * the same priority order): "the matching template, active or not", to pre-fill
 * a manual sync form.
 */
export function effectiveTemplate(
	product: CatalogProduct,
	templates: readonly TemplateWithRules[],
	options: { includeInactive?: boolean } = {},
): TemplateWithRules | null {
	const match = claimingOrder(templates, options).find((t) => matchesRuleSet(product, t.ruleSet));
	return match ?? defaultTemplate(templates);
}
