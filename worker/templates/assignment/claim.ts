/**
 * "The products this template claims" as one SQL condition over `products`,
 * the SQL twin of effective.ts (test/assignment-claims.property.test.ts checks
 * they agree): a non-default template claims its rules AND NOT the rules of
 * every template before it in ownership order (active ones by priority, then
 * inactive ones), so an inactive template keeps what no active one selects, for
 * a manual sync only; the default template claims NOT any non-default
 * template's rules, active or not. What may sync automatically is an ACTIVE
 * template's claim: callers that queue check `isActive`.
 *
 * The condition does not scope by shop: AND it with `liveProducts(shopId)`.
 * Parameters: the composed rule sets share one Binder (rules/budget.ts), so the
 * statement stays within D1's 100 bound parameters however many templates come
 * before; only an absurdly long statement is refused, as a value.
 */
import { and, not, sql, type SQL } from "drizzle-orm";
import { fitsStatement, paramBudget, type Binder } from "../rules/budget";
import { compileRuleSet } from "../rules/sql";
import { ownershipOrder } from "./effective";
import type { TemplateWithRules } from "./types";

export type Claim =
	| { ok: true; where: SQL }
	| { ok: false; reason: "unknown_template"; templateId: string }
	| { ok: false; reason: "statement_too_long"; bytes: number; params: number };

export function claimCondition(templateId: string, templates: readonly TemplateWithRules[], bind: Binder = paramBudget()): Claim {
	const template = templates.find((t) => t.id === templateId);
	if (!template) return { ok: false, reason: "unknown_template", templateId };
	const order = ownershipOrder(templates);
	const before = template.isDefault ? order : order.slice(0, order.indexOf(template));
	const parts = [
		...(template.isDefault ? [] : [compileRuleSet(template.ruleSet, bind)]),
		...before.map((t) => not(compileRuleSet(t.ruleSet, bind))),
	];
	const where = parts.length ? (and(...parts) as SQL) : sql`(1)`;
	const fits = fitsStatement(where);
	return fits.ok ? { ok: true, where } : { ok: false, reason: "statement_too_long", bytes: fits.bytes, params: fits.params };
}
