/** A template as the API returns it. Invite-only categories carry TikTok's qualification link. */
import { QUALIFICATION_URL } from "../../categories";
import type { Template } from "../../db/schema";
import type { TemplateWithRules } from "../assignment/types";
import { templateConfig } from "../repo";

export type TemplateView = ReturnType<typeof templateView>;

export function categoryView(row: Pick<Template, "categoryId" | "categoryPath" | "categoryVersion" | "categoryPermissions">) {
	if (!row.categoryId) return null;
	const permissionStatuses = JSON.parse(row.categoryPermissions) as string[];
	const inviteOnly = permissionStatuses.includes("INVITE_ONLY");
	return {
		id: row.categoryId,
		path: JSON.parse(row.categoryPath) as { id: string; name: string }[],
		version: row.categoryVersion,
		permissionStatuses,
		inviteOnly,
		applyUrl: inviteOnly ? QUALIFICATION_URL : null,
	};
}

export function templateView(row: Template, withRules: TemplateWithRules | undefined, productCount?: number) {
	const config = templateConfig(row);
	return {
		id: row.id,
		name: row.name,
		isDefault: row.isDefault,
		isActive: row.isActive,
		priority: row.priority,
		version: row.version,
		match: withRules?.ruleSet.match ?? (row.matchMode === "any" ? "any" : "all"),
		rules: withRules?.ruleSet.rules ?? [],
		ruleIssues: withRules?.ruleIssues ?? [],
		category: categoryView(row),
		...config,
		productCount: productCount ?? null,
		activatedAt: row.activatedAt,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
	};
}
