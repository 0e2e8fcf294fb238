/**
 * The JSON a template is created or updated with: name, category, rules and the
 * configuration (attributes, certifications, shipping, extra). The category's
 * path and permissions are looked up server-side, never taken from the client.
 */
import { z } from "zod";
import { TemplateConfig } from "../schema";

export const TemplateRuleInput = z.object({
	column: z.string(),
	relation: z.string(),
	condition: z.union([z.string(), z.number()]).nullish(),
});

export const TemplateBody = TemplateConfig.extend({
	name: z.string().trim().min(1, "Give the template a name.").max(80, "Names have at most 80 characters."),
	categoryId: z.string().trim().min(1).max(32).nullable().default(null),
	match: z.enum(["all", "any"]).default("all"),
	rules: z.array(TemplateRuleInput).max(50).default([]),
});
export type TemplateBody = z.infer<typeof TemplateBody>;

export const CreateTemplateBody = TemplateBody.extend({
	/** Omit to let the server decide: the first template of a shop is its default template. */
	isDefault: z.boolean().optional(),
});
