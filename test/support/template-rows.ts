/** Stores templates and their rules in D1 the way the template routes will, for assignment tests. */
import type { Db } from "../../worker/db/client";
import { templateRules, templates } from "../../worker/db/schema";
import type { TemplateWithRules } from "../../worker/templates/assignment/types";
import { parseRuleSet, type Rule } from "../../worker/templates/rules/schema";

export type TemplateSeed = {
	id: string;
	priority?: number;
	isActive?: boolean;
	isDefault?: boolean;
	match?: "all" | "any";
	rules?: Rule[];
};

export function templateWithRules(seed: TemplateSeed): TemplateWithRules {
	return {
		id: seed.id,
		name: `Template ${seed.id}`,
		isDefault: seed.isDefault ?? false,
		isActive: seed.isActive ?? true,
		priority: seed.priority ?? 0,
		version: 1,
		ruleSet: { match: seed.match ?? "all", rules: seed.rules ?? [] },
		ruleIssues: [],
	};
}

export async function storeTemplates(db: Db, shopId: string, seeds: readonly TemplateSeed[], now = 1_700_000_000_000): Promise<void> {
	const statements = seeds.flatMap((seed) => {
		const t = templateWithRules(seed);
		const row = db.insert(templates).values({
			shopId,
			id: t.id,
			name: t.name,
			isDefault: t.isDefault,
			isActive: t.isActive,
			priority: t.priority,
			matchMode: t.ruleSet.match,
			createdAt: now,
			updatedAt: now,
		});
		const rules = t.ruleSet.rules.map((rule, position) => db.insert(templateRules).values({ shopId, templateId: t.id, position, ...rule }));
		return [row, ...rules];
	});
	if (statements.length) await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
}

/** One validated rule, e.g. rule("tag", "equals", "summer"); throws with the schema's message otherwise. */
export function rule(column: string, relation: string, condition = ""): Rule {
	const parsed = parseRuleSet({ match: "all", rules: [{ column, relation, condition }] });
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.ruleSet.rules[0];
}
