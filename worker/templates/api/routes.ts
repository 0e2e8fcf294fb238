/**
 * /api/templates: list, create, read, update, duplicate and reorder.
 * What drives the sync engine (delete, activation, readiness) and the previews
 * are in sync/template-routes.ts.
 * Every handler is scoped to the shop of the session token.
 */
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../app-env";
import { doc } from "../../http/doc";
import { shopSession } from "../../auth/shop-session";
import { templates } from "../../db/schema";
import { AppError } from "../../http/errors";
import { validate } from "../../http/validate";
import { requireShop } from "../../shops";
import { loadTemplatesWithRules } from "../assignment/load";
import { reorderPriorities } from "../assignment/reorder";
import { getTemplate } from "../repo";
import { CreateTemplateBody, TemplateBody } from "./body";
import { claimedBy, countClaimed } from "../claims";
import { prepareTemplate } from "../service";
import { claimedOrThrow, orThrow } from "./errors";
import { insertTemplate, nextPriority, updateTemplate } from "../store";
import { templateView } from "./view";

const IdParam = z.object({ id: z.string().uuid("Unknown template id.") });

async function mustGet(c: { var: AppEnv["Variables"] }, id: string) {
	const template = await getTemplate(c.var.db, c.var.shopId, id);
	if (!template) throw new AppError("NOT_FOUND", "Template not found.");
	return template;
}

async function viewOf(c: { var: AppEnv["Variables"] }, id: string) {
	const all = await loadTemplatesWithRules(c.var.db, c.var.shopId);
	const { row } = await mustGet(c, id);
	const count = await countClaimed(c.var.db, claimedOrThrow(claimedBy(c.var.shopId, id, all, { asIfActive: true })), false);
	return templateView(
		row,
		all.find((t) => t.id === id),
		count,
	);
}

export const templateRoutes = new Hono<AppEnv>()
	.use(shopSession())
	.get("/", doc("Templates: default first, then by priority, with product counts"), async (c) => {
		const { db, shopId } = c.var;
		const all = await loadTemplatesWithRules(db, shopId);
		const rows = await db.select().from(templates).where(eq(templates.shopId, shopId));
		const views = [];
		// Default first, then by priority: the order loadTemplatesWithRules gives, reversed for the default.
		const ordered = [...all.filter((t) => t.isDefault), ...all.filter((t) => !t.isDefault)];
		for (const t of ordered) {
			const row = rows.find((r) => r.id === t.id);
			if (!row) continue;
			const count = await countClaimed(db, claimedOrThrow(claimedBy(shopId, t.id, all, { asIfActive: !t.isActive })), false);
			views.push(templateView(row, t, count));
		}
		return c.json({ templates: views, hasDefault: all.some((t) => t.isDefault) });
	})
	.post("/", doc("Create a template", 201), validate("json", CreateTemplateBody), async (c) => {
		const { db, shopId } = c.var;
		const body = c.req.valid("json");
		const shop = await requireShop(db, shopId);
		const existingDefault = await db.query.templates.findFirst({ where: and(eq(templates.shopId, shopId), eq(templates.isDefault, true)) });
		const isDefault = body.isDefault ?? !existingDefault;
		if (isDefault && existingDefault)
			throw new AppError("CONFLICT", "This shop already has a default template.", {
				issues: [{ path: "isDefault", message: "There is already a default template." }],
			});
		const { fields } = orThrow(await prepareTemplate(c.env, db, shop, body, isDefault));
		const id = await insertTemplate(db, shopId, fields, { isDefault, priority: isDefault ? 0 : await nextPriority(db, shopId) });
		return c.json(await viewOf(c, id), 201);
	})
	.post(
		"/reorder",
		doc("Reorder priorities"),
		validate("json", z.object({ templateIds: z.array(z.string()).min(1).max(200) })),
		async (c) => {
			const result = await reorderPriorities(c.var.db, c.var.shopId, c.req.valid("json").templateIds);
			if (!result.ok)
				throw new AppError("BAD_REQUEST", "The list must name each of this shop's non-default templates exactly once.", {
					details: result,
				});
			return c.json({ ok: true });
		},
	)
	.get("/:id", doc("One template"), validate("param", IdParam), async (c) => c.json(await viewOf(c, c.req.valid("param").id)))
	.put("/:id", doc("Update a template"), validate("param", IdParam), validate("json", TemplateBody), async (c) => {
		const { db, shopId } = c.var;
		const { id } = c.req.valid("param");
		const existing = await mustGet(c, id);
		const shop = await requireShop(db, shopId);
		const { fields } = orThrow(await prepareTemplate(c.env, db, shop, c.req.valid("json"), existing.row.isDefault));
		await updateTemplate(db, shopId, id, fields);
		return c.json(await viewOf(c, id));
	})
	.post("/:id/duplicate", doc("Duplicate a template", 201), validate("param", IdParam), async (c) => {
		const { db, shopId } = c.var;
		const source = await mustGet(c, c.req.valid("param").id);
		const all = await loadTemplatesWithRules(db, shopId);
		const rules = all.find((t) => t.id === source.row.id)?.ruleSet ?? { match: "all" as const, rules: [] };
		const copy = await insertTemplate(
			db,
			shopId,
			{
				name: `${source.row.name} (copy)`.slice(0, 80),
				ruleSet: rules,
				config: source.config,
				category: source.row.categoryId
					? {
							id: source.row.categoryId,
							version: source.row.categoryVersion === "v2" ? "v2" : "v1",
							path: JSON.parse(source.row.categoryPath),
							isLeaf: true,
							permissionStatuses: JSON.parse(source.row.categoryPermissions),
							attributes: [],
							rules: {},
						}
					: null,
			},
			// A copy of the default template is an ordinary (rule-less, so inactive until given rules) template.
			{ isDefault: false, priority: await nextPriority(db, shopId) },
		);
		return c.json(await viewOf(c, copy), 201);
	});
