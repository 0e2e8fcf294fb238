/**
 * The template service: validating a template (or a manual sync form) against
 * the shop's TikTok category data, for create, update and the manual sync.
 * Every problem is returned at once, each with the field it concerns, so the
 * editor can show it in place. Expected failures are values; routes turn them
 * into AppErrors (api/errors.ts).
 */
import { loadCategorySpec } from "../categories";
import type { Db } from "../db/client";
import type { Shop } from "../db/schema";
import type { FieldIssue } from "../http/errors";
import type { CategorySpec } from "../tiktok";
import { pacedPortForShop } from "../tiktok";
import type { TemplateBody } from "./api/body";
import type { TemplateFields } from "./store";
import { checkAttributes, checkCategory, checkRules, checkShipping } from "./check";
import type { TemplateConfig } from "./schema";

export type TemplateFailure = {
	ok: false;
	code: "NOT_CONNECTED" | "UPSTREAM" | "VALIDATION_FAILED" | "CONFLICT";
	message: string;
	issues?: FieldIssue[];
	details?: Record<string, unknown>;
};

/** The category a template or form names, checked against TikTok (null: TikTok has no such category for the shop). */
export async function resolveCategory(
	env: Env,
	db: Db,
	shop: Shop,
	categoryId: string,
): Promise<{ ok: true; category: CategorySpec | null } | TemplateFailure> {
	const connection = await pacedPortForShop(env, db, shop.id);
	if (!connection.ok)
		return {
			ok: false,
			code: "NOT_CONNECTED",
			message: `${connection.message} Connect TikTok Shop in Settings before choosing a category.`,
		};
	const spec = await loadCategorySpec(db, connection.port, shop.id, shop.tiktokRegion, categoryId);
	if (!spec.ok)
		return {
			ok: false,
			code: "UPSTREAM",
			message: `TikTok Shop did not answer: ${spec.failure.message}`,
			details: { code: spec.failure.code, requestId: spec.failure.requestId },
		};
	return { ok: true, category: spec.value };
}

export async function validateConfig(
	env: Env,
	db: Db,
	shop: Shop,
	categoryId: string | null,
	config: TemplateConfig,
): Promise<{ ok: true; category: CategorySpec | null; issues: FieldIssue[] } | TemplateFailure> {
	const issues: FieldIssue[] = [];
	let category: CategorySpec | null = null;
	if (categoryId) {
		const resolved = await resolveCategory(env, db, shop, categoryId);
		if (!resolved.ok) return resolved;
		category = resolved.category;
		issues.push(...checkCategory(category, categoryId));
		if (category?.isLeaf) issues.push(...checkAttributes(category, config));
	} else if (Object.keys(config.attributes).length > 0) {
		issues.push({ path: "categoryId", message: "Pick a category before filling its attributes." });
	}
	issues.push(...checkShipping(config, shop.tiktokRegion));
	return { ok: true, category, issues };
}

export async function prepareTemplate(
	env: Env,
	db: Db,
	shop: Shop,
	body: TemplateBody,
	isDefault: boolean,
): Promise<{ ok: true; fields: TemplateFields } | TemplateFailure> {
	const rules = checkRules(body, isDefault);
	const validated = await validateConfig(env, db, shop, body.categoryId, body);
	if (!validated.ok) return validated;
	const all = [...rules.issues, ...validated.issues];
	if (all.length) return { ok: false, code: "VALIDATION_FAILED", message: `${all[0].path}: ${all[0].message}`, issues: all };
	return { ok: true, fields: { name: body.name, ruleSet: rules.ruleSet, config: body, category: validated.category } };
}
