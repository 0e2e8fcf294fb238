/**
 * Which template a product belongs to, in memory (e.g. for a product that just
 * arrived by webhook): the first ACTIVE non-default template, in priority order
 * (lowest `priority` first, ties by id), whose rules match; else the first
 * INACTIVE one whose rules match (the product is kept for a manual sync: an
 * inactive template's products are never handed to the default); else the
 * default template (is_default, no rules), whatever its own `isActive`. Only an
 * active owner syncs automatically; callers check `isActive`. `claim.ts` is the
 * same decision in SQL.
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

/** Non-default templates in the order they take products: active ones by priority, then inactive ones by priority. */
export function ownershipOrder(templates: readonly TemplateWithRules[]): TemplateWithRules[] {
	const others = claimingOrder(templates, { includeInactive: true });
	return [...others.filter((t) => t.isActive), ...others.filter((t) => !t.isActive)];
}

export function defaultTemplate(templates: readonly TemplateWithRules[]): TemplateWithRules | null {
	return templates.find((t) => t.isDefault) ?? null;
}

/**
 * The template that owns `product`, or null when nothing matches and the shop has
 * no default template. `includeInactive` instead takes the first matching
 * template in plain priority order, active or not: the template a manual sync
 * form pre-fills from.
 */
export function effectiveTemplate(
	product: CatalogProduct,
	templates: readonly TemplateWithRules[],
	options: { includeInactive?: boolean } = {},
): TemplateWithRules | null {
	const order = options.includeInactive ? claimingOrder(templates, options) : ownershipOrder(templates);
	const match = order.find((t) => matchesRuleSet(product, t.ruleSet));
	return match ?? defaultTemplate(templates);
}
