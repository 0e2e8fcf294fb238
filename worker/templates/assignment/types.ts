/** A template as assignment sees it: its place in the priority order and its rules. */
import type { RuleIssue, RuleSet } from "../rules/schema";

export type TemplateWithRules = {
	id: string;
	name: string;
	isDefault: boolean;
	isActive: boolean;
	/** Lower number wins; ties go to the smaller id. Ignored for the default template. */
	priority: number;
	version: number;
	/** Empty for the default template. */
	ruleSet: RuleSet;
	/** Stored rules that no longer validate: the template then matches nothing until re-saved. */
	ruleIssues: RuleIssue[];
};
