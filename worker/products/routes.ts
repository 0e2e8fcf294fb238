/**
 * /api/products: the products page (badge, claiming template, search, filters,
 * paging), one product with its pre-filled sync form, manual sync of chosen
 * products with a form the merchant may change, and re-sync of failed ones.
 */
import { and, eq, inArray } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { doc } from "../http/doc";
import { shopSession } from "../auth/shop-session";
import { getProductWithVariants, inIdList, productFromRows, variantsOfProducts } from "../catalog";
import { productSync } from "../db/schema";
import { AppError } from "../http/errors";
import { validate } from "../http/validate";
import { requireShop } from "../shops";
import type { QueueMessage } from "../jobs";
import { createRun, enqueueSyncs, markQueued, readWarnings } from "../sync";
import {
	claimedBy,
	claimedOrThrow,
	effectiveTemplate,
	getTemplate,
	loadTemplatesWithRules,
	missingRequired,
	orThrow,
	TemplateConfig,
	validateConfig,
} from "../templates";
import { BADGES, badgeOf } from "./badge";
import { badgeCondition, pageOfProducts, searchCondition } from "./query";

const ListQuery = z.object({
	q: z.string().max(200).optional(),
	badge: z.enum(BADGES).optional(),
	templateId: z.string().uuid().optional(),
	limit: z.coerce.number().int().min(1).max(100).default(25),
	offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const ProductIds = z
	.array(z.string().regex(/^\d{1,20}$/, "Product ids are Shopify's numeric ids."))
	.min(1)
	.max(250);
const SyncBody = TemplateConfig.extend({
	productIds: ProductIds,
	templateId: z.string().uuid().nullable().default(null),
	categoryId: z.string().min(1).max(32),
});
const ResyncBody = z.union([z.object({ productIds: ProductIds }), z.object({ allFailed: z.literal(true) })]);

/** The template that owns a product; an inactive one keeps it for a manual sync, and says so. */
function claimOf(t: { id: string; name: string; isActive: boolean } | null) {
	return t ? { id: t.id, name: t.name, isActive: t.isActive, label: t.isActive ? t.name : `${t.name}, manual sync only` } : null;
}

function errorOf(row: Pick<typeof productSync.$inferSelect, "lastErrorCode" | "lastErrorMessage" | "lastErrorFix" | "lastRequestId">) {
	return row.lastErrorCode
		? { code: row.lastErrorCode, message: row.lastErrorMessage, fix: row.lastErrorFix, requestId: row.lastRequestId }
		: null;
}

export const productRoutes = new Hono<AppEnv>()
	.use(shopSession())
	.get(
		"/",
		doc("Products with their sync badge, claiming template, search, filters and paging"),
		validate("query", ListQuery),
		async (c) => {
			const { db, shopId } = c.var;
			const query = c.req.valid("query");
			const templates = await loadTemplatesWithRules(db, shopId);
			const filters = [];
			if (query.badge) filters.push(badgeCondition(query.badge));
			if (query.q?.trim()) filters.push(searchCondition(query.q));
			if (query.templateId) filters.push(claimedOrThrow(claimedBy(shopId, query.templateId, templates)));
			const { rows, total } = await pageOfProducts(db, shopId, filters, query);
			const ids = rows.map((r) => r.products.id);
			const variantRows = await variantsOfProducts(db, shopId, ids);
			const byProduct = Map.groupBy(variantRows, (v) => v.productId);
			const names = new Map(templates.map((t) => [t.id, t.name]));
			const items = rows.map(({ products: p, sync: s }) => {
				const product = productFromRows(p, byProduct.get(p.id) ?? []);
				const claim = effectiveTemplate(product, templates);
				return {
					id: p.id,
					title: p.title,
					vendor: p.vendor,
					productType: p.productType,
					status: p.status,
					imageSrc: product.images[0]?.src ?? null,
					variantCount: p.variantCount,
					priceMin: p.priceMin,
					priceMax: p.priceMax,
					inventoryTotal: p.inventoryTotal,
					badge: badgeOf(s.syncState, s.reviewState),
					claimedBy: claimOf(claim),
					syncedWith: s.templateId ? { id: s.templateId, name: names.get(s.templateId) ?? null, version: s.templateVersion } : null,
					tiktokProductId: s.tiktokProductId,
					error: errorOf(s),
					reviewReasons: s.reviewReasons ? (JSON.parse(s.reviewReasons) as unknown) : null,
					warnings: readWarnings(s.warnings),
					syncedAt: s.syncedAt,
				};
			});
			return c.json({ products: items, total, limit: query.limit, offset: query.offset });
		},
	)
	.get(
		"/:id",
		doc("One product with its effective template and pre-filled sync form"),
		validate("param", z.object({ id: z.string().regex(/^\d{1,20}$/) })),
		async (c) => {
			const { db, shopId } = c.var;
			const { id } = c.req.valid("param");
			const product = await getProductWithVariants(db, shopId, id);
			const sync = await db.query.productSync.findFirst({ where: and(eq(productSync.shopId, shopId), eq(productSync.productId, id)) });
			if (!product || !sync) throw new AppError("NOT_FOUND", "Product not found.");
			const templates = await loadTemplatesWithRules(db, shopId);
			const claim = effectiveTemplate(product, templates);
			// The form is pre-filled from the matching template, active or not.
			const matching = effectiveTemplate(product, templates, { includeInactive: true });
			const source = matching ? await getTemplate(db, shopId, matching.id) : null;
			return c.json({
				product,
				sync: {
					badge: badgeOf(sync.syncState, sync.reviewState),
					syncState: sync.syncState,
					reviewState: sync.reviewState,
					tiktokProductId: sync.tiktokProductId,
					error: errorOf(sync),
					reviewReasons: sync.reviewReasons ? (JSON.parse(sync.reviewReasons) as unknown) : null,
					warnings: readWarnings(sync.warnings),
					attempts: sync.attempts,
					syncedAt: sync.syncedAt,
				},
				claimedBy: claimOf(claim),
				form: {
					templateId: source?.row.id ?? null,
					templateName: source?.row.name ?? null,
					categoryId: source?.row.categoryId ?? null,
					categoryPath: source ? (JSON.parse(source.row.categoryPath) as { id: string; name: string }[]) : [],
					...(source?.config ?? TemplateConfig.parse({})),
				},
			});
		},
	)
	.post("/sync", doc("Manual sync of chosen products with an editable form", 202), validate("json", SyncBody), async (c) => {
		const { db, shopId } = c.var;
		const body = c.req.valid("json");
		// The run records the template: it must be one of this shop's, never a foreign or made-up id.
		if (body.templateId && !(await getTemplate(db, shopId, body.templateId)))
			throw new AppError("NOT_FOUND", "Template not found.", {
				issues: [{ path: "templateId", message: "No such template in this shop." }],
			});
		const shop = await requireShop(db, shopId);
		const { category, issues } = orThrow(await validateConfig(c.env, db, shop, body.categoryId, body));
		if (category?.isLeaf) issues.push(...missingRequired(category, body));
		if (issues.length) throw new AppError("VALIDATION_FAILED", `${issues[0].path}: ${issues[0].message}`, { issues });
		const config = TemplateConfig.parse(body);
		const runId = await createRun(db, shopId, {
			kind: "manual",
			templateId: body.templateId,
			total: body.productIds.length,
			status: "running",
			overrides: { categoryId: body.categoryId, config },
		});
		const queued = await markQueued(db, shopId, body.productIds, { id: runId, templateId: body.templateId }, ["not_synced", "failed"], {
			bumpGeneration: true,
		});
		await enqueueSyncs(c.env.SYNC_QUEUE, shopId, runId, queued);
		return c.json({ runId, queued: queued.length, skipped: body.productIds.length - queued.length }, 202);
	})
	.post("/resync", doc("Re-sync failed products", 202), validate("json", ResyncBody), async (c) => {
		const { db, shopId } = c.var;
		const body = c.req.valid("json");
		const scope = "productIds" in body ? inIdList(productSync.productId, body.productIds) : undefined;
		const failed = await db
			.select({
				productId: productSync.productId,
				syncState: productSync.syncState,
				reviewState: productSync.reviewState,
				tiktokProductId: productSync.tiktokProductId,
			})
			.from(productSync)
			.where(and(eq(productSync.shopId, shopId), scope, inArray(productSync.syncState, ["failed", "synced"])))
			.limit(5000);
		const toCreate = failed.filter((r) => r.syncState === "failed").map((r) => r.productId);
		const toEdit = failed.filter((r) => r.syncState === "synced" && r.reviewState === "review_failed" && r.tiktokProductId);
		const templates = await loadTemplatesWithRules(db, shopId);
		let queuedCount = 0;
		if (toCreate.length) {
			const runId = await createRun(db, shopId, { kind: "resync", templateId: null, total: toCreate.length, status: "running" });
			// Each product re-syncs with the template that matches it now (the merchant may have fixed it).
			for (const productId of toCreate) {
				const product = await getProductWithVariants(db, shopId, productId);
				const template = product ? effectiveTemplate(product, templates, { includeInactive: true }) : null;
				if (!template) continue;
				const queued = await markQueued(db, shopId, [productId], { id: runId, templateId: template.id }, ["failed"], {
					bumpGeneration: true,
				});
				await enqueueSyncs(c.env.SYNC_QUEUE, shopId, runId, queued);
				queuedCount += queued.length;
			}
		}
		const edits: MessageSendRequest<QueueMessage>[] = toEdit.map((r) => ({
			body: { type: "sync.push", shopId, productId: r.productId, what: "content" },
		}));
		for (let i = 0; i < edits.length; i += 100) await c.env.SYNC_QUEUE.sendBatch(edits.slice(i, i + 100));
		return c.json({ queued: queuedCount, edits: edits.length }, 202);
	});
