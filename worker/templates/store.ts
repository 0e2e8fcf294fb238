/**
 * Writing templates: the template row and its rules in one `db.batch` (D1 runs a
 * batch as one transaction), so a template is never saved with half its rules.
 */
import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { templateRules, templates } from "../db/schema";
import type { CategorySpec } from "../tiktok";
import type { RuleSet } from "./rules/schema";
import type { TemplateConfig } from "./schema";

export type TemplateFields = {
	name: string;
	ruleSet: RuleSet;
	config: TemplateConfig;
	category: CategorySpec | null;
};

function columns(fields: TemplateFields) {
	return {
		name: fields.name,
		matchMode: fields.ruleSet.match,
		categoryId: fields.category?.id ?? null,
		categoryPath: JSON.stringify(fields.category?.path ?? []),
		categoryVersion: fields.category?.version ?? null,
		categoryPermissions: JSON.stringify(fields.category?.permissionStatuses ?? []),
		attributes: JSON.stringify(fields.config.attributes),
		certifications: JSON.stringify(fields.config.certifications),
		sizeChart: fields.config.extra.sizeChart ? JSON.stringify(fields.config.extra.sizeChart) : null,
		shipping: JSON.stringify(fields.config.shipping),
		extra: JSON.stringify(fields.config.extra),
	};
}

/** template_rules has 6 columns: 15 rows per INSERT stays under 100 bound parameters. */
function ruleInserts(db: Db, shopId: string, templateId: string, ruleSet: RuleSet): BatchItem<"sqlite">[] {
	const rows = ruleSet.rules.map((rule, position) => ({
		shopId,
		templateId,
		position,
		column: rule.column,
		relation: rule.relation,
		condition: rule.condition,
	}));
	const statements: BatchItem<"sqlite">[] = [];
	for (let i = 0; i < rows.length; i += 15) statements.push(db.insert(templateRules).values(rows.slice(i, i + 15)));
	return statements;
}

export async function insertTemplate(
	db: Db,
	shopId: string,
	fields: TemplateFields,
	options: { isDefault: boolean; priority: number },
): Promise<string> {
	const id = crypto.randomUUID();
	const now = Date.now();
	await db.batch([
		db.insert(templates).values({
			shopId,
			id,
			...columns(fields),
			isDefault: options.isDefault,
			isActive: false,
			priority: options.priority,
			version: 1,
			createdAt: now,
			updatedAt: now,
		}),
		...ruleInserts(db, shopId, id, fields.ruleSet),
	]);
	return id;
}

export async function updateTemplate(db: Db, shopId: string, id: string, fields: TemplateFields): Promise<void> {
	const now = Date.now();
	await db.batch([
		db
			.update(templates)
			.set({ ...columns(fields), version: sql`${templates.version} + 1`, updatedAt: now })
			.where(and(eq(templates.shopId, shopId), eq(templates.id, id))),
		db.delete(templateRules).where(and(eq(templateRules.shopId, shopId), eq(templateRules.templateId, id))),
		...ruleInserts(db, shopId, id, fields.ruleSet),
	]);
}

export async function deleteTemplate(db: Db, shopId: string, id: string): Promise<void> {
	await db.batch([
		db.delete(templateRules).where(and(eq(templateRules.shopId, shopId), eq(templateRules.templateId, id))),
		db.delete(templates).where(and(eq(templates.shopId, shopId), eq(templates.id, id))),
	]);
}

export async function nextPriority(db: Db, shopId: string): Promise<number> {
	const [row] = await db
		.select({ max: sql<number | null>`max(${templates.priority})` })
		.from(templates)
		.where(and(eq(templates.shopId, shopId), eq(templates.isDefault, false)));
	return (row?.max ?? -1) + 1;
}

/** Activating stamps `activated_at`; deactivating keeps it (the last activation). */
export async function setTemplateActive(db: Db, shopId: string, id: string, active: boolean, now = Date.now()): Promise<void> {
	await db
		.update(templates)
		.set(active ? { isActive: true, activatedAt: now, updatedAt: now } : { isActive: false, updatedAt: now })
		.where(and(eq(templates.shopId, shopId), eq(templates.id, id)));
}
