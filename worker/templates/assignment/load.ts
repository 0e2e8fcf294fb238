/**
 * Reads a shop's templates with their rules in one round trip. Stored rules are
 * validated again (the vocabulary may have changed since they were saved): a
 * template whose rules no longer validate keeps its issues and matches nothing,
 * rather than claiming products by a rule nobody can read any more.
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { templateRules, templates } from "../../db/schema";
import { parseRuleSet, type RuleIssue, type RuleSet } from "../rules/schema";
import { byPriority } from "./effective";
import type { TemplateWithRules } from "./types";

type StoredRule = { templateId: string; column: string; relation: string; condition: string };

function storedRuleSet(matchMode: string, rules: StoredRule[]): { ruleSet: RuleSet; ruleIssues: RuleIssue[] } {
	const match = matchMode === "any" ? "any" : "all";
	const parsed = parseRuleSet({ match, rules: rules.map(({ column, relation, condition }) => ({ column, relation, condition })) });
	return parsed.ok ? { ruleSet: parsed.ruleSet, ruleIssues: [] } : { ruleSet: { match, rules: [] }, ruleIssues: parsed.issues };
}

/** The shop's templates in priority order, the default template last. */
export async function loadTemplatesWithRules(db: Db, shopId: string): Promise<TemplateWithRules[]> {
	const [templateRows, ruleRows] = await db.batch([
		db.select().from(templates).where(eq(templates.shopId, shopId)),
		db
			.select({
				templateId: templateRules.templateId,
				column: templateRules.column,
				relation: templateRules.relation,
				condition: templateRules.condition,
			})
			.from(templateRules)
			.where(eq(templateRules.shopId, shopId))
			.orderBy(asc(templateRules.templateId), asc(templateRules.position)),
	]);
	const rulesByTemplate = Map.groupBy(ruleRows, (rule) => rule.templateId);
	const loaded = templateRows.map((t): TemplateWithRules => {
		const base = { id: t.id, name: t.name, isDefault: t.isDefault, isActive: t.isActive, priority: t.priority, version: t.version };
		if (t.isDefault) return { ...base, ruleSet: { match: "all", rules: [] }, ruleIssues: [] };
		return { ...base, ...storedRuleSet(t.matchMode, rulesByTemplate.get(t.id) ?? []) };
	});
	return loaded.sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || byPriority(a, b));
}
