/**
 * Validation of a template body against the shop's TikTok category data, shared
 * by create, update and the manual sync form. Every problem is returned at once,
 * each with the field it concerns, so the editor can show it in place.
 */
import { loadCategorySpec } from "../../categories/spec";
import type { Db } from "../../db/client";
import type { Shop } from "../../db/schema";
import { AppError, type FieldIssue } from "../../http/errors";
import type { CategorySpec } from "../../listing/category-spec";
import { pacedPortForShop } from "../../tiktok";
import type { TemplateConfig } from "../schema";
import type { TemplateBody } from "./body";
import { checkAttributes, checkCategory, checkRules, checkShipping } from "./check";
import type { TemplateFields } from "./store";

/** The category a template or form names, checked against TikTok; throws NOT_CONNECTED / UPSTREAM. */
export async function resolveCategory(env: Env, db: Db, shop: Shop, categoryId: string): Promise<CategorySpec | null> {
	const connection = await pacedPortForShop(env, db, shop.id);
	if (!connection.ok) throw new AppError("NOT_CONNECTED", `${connection.message} Connect TikTok Shop in Settings before choosing a category.`);
	const spec = await loadCategorySpec(db, connection.port, shop.id, shop.tiktokRegion, categoryId);
	if (!spec.ok) throw new AppError("UPSTREAM", `TikTok Shop did not answer: ${spec.failure.message}`, { details: { code: spec.failure.code, requestId: spec.failure.requestId } });
	return spec.value;
}

export async function validateConfig(env: Env, db: Db, shop: Shop, categoryId: string | null, config: TemplateConfig): Promise<{ category: CategorySpec | null; issues: FieldIssue[] }> {
	const issues: FieldIssue[] = [];
	let category: CategorySpec | null = null;
	if (categoryId) {
		category = await resolveCategory(env, db, shop, categoryId);
		issues.push(...checkCategory(category, categoryId));
		if (category?.isLeaf) issues.push(...checkAttributes(category, config));
	} else if (Object.keys(config.attributes).length > 0) {
		issues.push({ path: "categoryId", message: "Pick a category before filling its attributes." });
	}
	issues.push(...checkShipping(config, shop.tiktokRegion));
	return { category, issues };
}

export async function prepareTemplate(env: Env, db: Db, shop: Shop, body: TemplateBody, isDefault: boolean): Promise<TemplateFields> {
	const rules = checkRules(body, isDefault);
	const { category, issues } = await validateConfig(env, db, shop, body.categoryId, body);
	const all = [...rules.issues, ...issues];
	if (all.length) throw new AppError("VALIDATION_FAILED", `${all[0].path}: ${all[0].message}`, { issues: all });
	return { name: body.name, ruleSet: rules.ruleSet, config: body, category };
}
