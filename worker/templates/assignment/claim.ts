/**
 * "The products this template claims" as one SQL condition over `products`,
 * the SQL twin of effective.ts (test/assignment-claims.property.test.ts checks
 * they agree): a non-default ACTIVE template claims its rules AND NOT the rules
 * of every active template before it; an inactive one claims nothing; the
 * default template claims NOT any active non-default template's rules.
 *
 * The condition does not scope by shop: AND it with `liveProducts(shopId)`.
 * Parameters: the composed rule sets share one Binder (rules/budget.ts), so the
 * statement stays within D1's 100 bound parameters however many templates come
 * before; only an absurdly long statement is refused, as a value.
 */
import { and, not, sql, type SQL } from "drizzle-orm";
import { fitsStatement, paramBudget, type Binder } from "../rules/budget";
import { compileRuleSet } from "../rules/sql";
import { byPriority, claimingOrder } from "./effective";
import type { TemplateWithRules } from "./types";

export type Claim =
	| { ok: true; where: SQL }
	| { ok: false; reason: "unknown_template"; templateId: string }
	| { ok: false; reason: "statement_too_long"; bytes: number; params: number };

export function claimCondition(templateId: string, templates: readonly TemplateWithRules[], bind: Binder = paramBudget()): Claim {
	const template = templates.find((t) => t.id === templateId);
	if (!template) return { ok: false, reason: "unknown_template", templateId };
	if (!template.isDefault && !template.isActive) return { ok: true, where: sql`(0)` };
	const active = claimingOrder(templates);
	const before = template.isDefault ? active : active.filter((t) => byPriority(t, template) < 0);
	const parts = [
		...(template.isDefault ? [] : [compileRuleSet(template.ruleSet, bind)]),
		...before.map((t) => not(compileRuleSet(t.ruleSet, bind))),
	];
	const where = parts.length ? (and(...parts) as SQL) : sql`(1)`;
	const fits = fitsStatement(where);
	return fits.ok ? { ok: true, where } : { ok: false, reason: "statement_too_long", bytes: fits.bytes, params: fits.params };
}
