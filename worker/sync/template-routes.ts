/**
 * /api/templates, the routes that drive the sync engine: readiness (with
 * TikTok's dry run), activation (a sync run through the fan-out job),
 * deactivation and deletion (which stop what has not started), and the
 * previews and overlaps the activation prompt shows, and the healing a save
 * brings (heal-template.ts). Template CRUD is in
 * templates/api/routes.ts.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { doc } from "../http/doc";
import { shopSession } from "../auth/shop-session";
import { AppError } from "../http/errors";
import { validate } from "../http/validate";
import type { QueueMessage } from "../jobs";
import { requireShop } from "../shops";
import {
	checkCategory,
	claimedBy,
	claimedOrThrow,
	countClaimed,
	deleteTemplate,
	getTemplate,
	loadTemplatesWithRules,
	missingRequired,
	orThrow,
	overlaps,
	parseRuleSet,
	previewPageSchema,
	previewTemplate,
	resolveCategory,
	setTemplateActive,
	TemplateRuleInput,
} from "../templates";
import { pacedPortForShop } from "../tiktok";
import { healAfterTemplateSave } from "./heal-template";
import { readiness } from "./readiness";
import { cancelRunsOfTemplate, createRun } from "./runs";

const IdParam = z.object({ id: z.string().uuid("Unknown template id.") });
const PreviewBody = z.object({ match: z.enum(["all", "any"]).default("all"), rules: z.array(TemplateRuleInput).max(50) });

async function mustGet(c: { var: AppEnv["Variables"] }, id: string) {
	const template = await getTemplate(c.var.db, c.var.shopId, id);
	if (!template) throw new AppError("NOT_FOUND", "Template not found.");
	return template;
}

/** Readiness of a saved template, over what it would claim once active. */
async function readinessOf(env: Env, vars: AppEnv["Variables"], id: string, options: { dryRun: boolean }) {
	const { db, shopId } = vars;
	const template = await mustGet({ var: vars }, id);
	const shop = await requireShop(db, shopId);
	const all = await loadTemplatesWithRules(db, shopId);
	const where = claimedOrThrow(claimedBy(shopId, id, all, { asIfActive: true }));
	const total = await countClaimed(db, where, true);
	const category = template.row.categoryId ? orThrow(await resolveCategory(env, db, shop, template.row.categoryId)).category : null;
	const connection = options.dryRun ? await pacedPortForShop(env, db, shopId) : null;
	const port = connection?.ok ? connection.port : null;
	const report = await readiness(db, shop, { where, total, config: template.config, category, port });
	return { template, report };
}

export const templateSyncRoutes = new Hono<AppEnv>()
	.use(shopSession())
	// A saved template (PUT /:id, the CRUD routes mounted after these) heals the failures a template edit can fix.
	.use("/:id", async (c, next) => {
		await next();
		if (c.req.method === "PUT" && c.res.status === 200)
			await healAfterTemplateSave(c.var.db, c.env.SYNC_QUEUE, c.var.shopId, c.req.param("id"));
	})
	.post(
		"/preview",
		doc("Products an unsaved rule set selects (page + total)"),
		validate("json", PreviewBody),
		validate("query", previewPageSchema),
		async (c) => {
			const parsed = parseRuleSet(c.req.valid("json"));
			if (!parsed.ok) throw new AppError("VALIDATION_FAILED", parsed.message, { issues: parsed.issues });
			return c.json(await previewTemplate(c.var.db, c.var.shopId, parsed.ruleSet, c.req.valid("query")));
		},
	)
	.get("/overlaps", doc("Pairs of templates, active or not, whose rules select the same products"), async (c) => {
		const report = await overlaps(c.var.db, c.var.shopId);
		if (!report.ok) throw new AppError("CONFLICT", "The templates' rules are too long to compare; shorten some rules.");
		return c.json({ overlaps: report.overlaps });
	})
	.get(
		"/:id/preview",
		doc("Products a saved template's rules select (page + total)"),
		validate("param", IdParam),
		validate("query", previewPageSchema),
		async (c) => {
			const { id } = c.req.valid("param");
			const template = (await loadTemplatesWithRules(c.var.db, c.var.shopId)).find((t) => t.id === id);
			if (!template) throw new AppError("NOT_FOUND", "Template not found.");
			if (template.isDefault)
				throw new AppError("BAD_REQUEST", "The default template has no rules: it takes every product no other template claims.");
			return c.json(await previewTemplate(c.var.db, c.var.shopId, template.ruleSet, c.req.valid("query")));
		},
	)
	.get(
		"/:id/readiness",
		doc("Readiness: which products would pass and why the others would not"),
		validate("param", IdParam),
		validate("query", z.object({ dryRun: z.enum(["true", "false"]).default("true") })),
		async (c) => {
			const { report } = await readinessOf(c.env, c.var, c.req.valid("param").id, { dryRun: c.req.valid("query").dryRun === "true" });
			return c.json(report);
		},
	)
	.post("/:id/activate", doc("Activate: sync every claimed Not synced product", 202), validate("param", IdParam), async (c) => {
		const { db, shopId } = c.var;
		const { id } = c.req.valid("param");
		const template = await mustGet(c, id);
		if (!template.row.categoryId)
			throw new AppError("VALIDATION_FAILED", "Pick a TikTok category before activating.", {
				issues: [{ path: "categoryId", message: "Required to activate." }],
			});
		const shop = await requireShop(db, shopId);
		const { category } = orThrow(await resolveCategory(c.env, db, shop, template.row.categoryId));
		const issues = category
			? [...checkCategory(category, category.id), ...(category.isLeaf ? missingRequired(category, template.config) : [])]
			: checkCategory(null, template.row.categoryId);
		if (issues.length) throw new AppError("VALIDATION_FAILED", `The template is not complete: ${issues[0].message}`, { issues });
		await setTemplateActive(db, shopId, id, true);
		const all = await loadTemplatesWithRules(db, shopId);
		const total = await countClaimed(db, claimedOrThrow(claimedBy(shopId, id, all)), true);
		const runId = await createRun(db, shopId, { kind: "activation", templateId: id, total, status: total > 0 ? "fanning_out" : "done" });
		if (total > 0) await c.env.SYNC_QUEUE.send({ type: "sync.fanout", shopId, runId, after: null } satisfies QueueMessage);
		return c.json({ runId, queued: total }, 202);
	})
	.post("/:id/deactivate", doc("Deactivate: stop what has not started"), validate("param", IdParam), async (c) => {
		const { db, shopId } = c.var;
		const { id } = c.req.valid("param");
		await mustGet(c, id);
		await setTemplateActive(db, shopId, id, false);
		const cancelled = await cancelRunsOfTemplate(db, shopId, id);
		return c.json({ ok: true, cancelledRuns: cancelled });
	})
	.get("/:id/pending", doc("How many products activation would start syncing"), validate("param", IdParam), async (c) => {
		const { db, shopId } = c.var;
		const { id } = c.req.valid("param");
		await mustGet(c, id);
		const all = await loadTemplatesWithRules(db, shopId);
		return c.json({ willSync: await countClaimed(db, claimedOrThrow(claimedBy(shopId, id, all, { asIfActive: true })), true) });
	})
	.delete("/:id", doc("Delete a template", 204), validate("param", IdParam), async (c) => {
		const { db, shopId } = c.var;
		const { id } = c.req.valid("param");
		await mustGet(c, id);
		await cancelRunsOfTemplate(db, shopId, id);
		await deleteTemplate(db, shopId, id);
		return c.body(null, 204);
	});
