/**
 * Reading templates: the row plus its JSON configuration parsed with the same
 * schema the API validates with (defaults fill fields added later).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { type Template, templates } from "../db/schema";
import { TemplateConfig } from "./schema";

export type LoadedTemplate = { row: Template; config: TemplateConfig };

export function templateConfig(row: Pick<Template, "attributes" | "certifications" | "shipping" | "extra">): TemplateConfig {
	return TemplateConfig.parse({
		attributes: JSON.parse(row.attributes),
		certifications: JSON.parse(row.certifications),
		shipping: JSON.parse(row.shipping),
		extra: JSON.parse(row.extra),
	});
}

export async function getTemplate(db: Db, shopId: string, templateId: string): Promise<LoadedTemplate | null> {
	const row = await db.query.templates.findFirst({ where: and(eq(templates.shopId, shopId), eq(templates.id, templateId)) });
	return row ? { row, config: templateConfig(row) } : null;
}
