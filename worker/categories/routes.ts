/**
 * /api/categories: browse and search the shop's TikTok category tree, one
 * category with its attributes and rules, TikTok's recommendation for a title
 * and description, and a store-level recommendation for the main products.
 */
import { and, count, desc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { doc } from "../http/doc";
import { shopSession } from "../auth/shop-session";
import { imports, products } from "../db/schema";
import { AppError } from "../http/errors";
import { validate } from "../http/validate";
import { requireShop } from "../shops";
import { type CategoryNode, type PortFailure, pacedPortForShop, type TikTokPort } from "../tiktok";
import { cached } from "./cache";
import { QUALIFICATION_URL } from "./qualification";
import { loadCategorySpec, loadCategoryTree, pathTo } from "./spec";

const STORE_RECOMMENDATION_TTL_MS = 60 * 60_000;

function upstream(failure: PortFailure): never {
	if (failure.kind === "rate_limited") throw new AppError("RATE_LIMITED", "TikTok Shop is rate limiting this shop; try again in a moment.");
	throw new AppError("UPSTREAM", `TikTok Shop: ${failure.message}`, { details: { code: failure.code, requestId: failure.requestId } });
}

async function connected(c: { env: Env; var: AppEnv["Variables"] }): Promise<{ port: TikTokPort; region: string | null }> {
	const shop = await requireShop(c.var.db, c.var.shopId);
	const connection = await pacedPortForShop(c.env, c.var.db, shop.id);
	if (!connection.ok) throw new AppError("NOT_CONNECTED", `${connection.message} Connect TikTok Shop in Settings.`);
	return { port: connection.port, region: shop.tiktokRegion };
}

function nodeView(node: CategoryNode, tree: CategoryNode[]) {
	const inviteOnly = node.permissionStatuses.includes("INVITE_ONLY");
	return {
		id: node.id,
		name: node.name,
		isLeaf: node.isLeaf,
		permissionStatuses: node.permissionStatuses,
		inviteOnly,
		applyUrl: inviteOnly ? QUALIFICATION_URL : null,
		selectable: node.isLeaf && !node.permissionStatuses.some((s) => s === "PROHIBITED" || s === "NON_MAIN_CATEGORY"),
		path: pathTo(tree, node.id).map((n) => ({ id: n.id, name: n.name })),
	};
}

const Browse = z.object({
	keyword: z.string().trim().max(100).optional(),
	parentId: z.string().max(32).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const categoryRoutes = new Hono<AppEnv>()
	.use(shopSession())
	.get("/", doc("Browse (parentId) or search (keyword) the TikTok category tree"), validate("query", Browse), async (c) => {
		const { port, region } = await connected(c);
		const tree = await loadCategoryTree(c.var.db, port, c.var.shopId, region);
		if (!tree.ok) upstream(tree.failure);
		const { keyword, parentId, limit } = c.req.valid("query");
		let nodes: CategoryNode[];
		if (keyword) {
			const words = keyword.toLowerCase().split(/\s+/).filter(Boolean);
			nodes = tree.value
				.filter((n) => words.every((w) => n.name.toLowerCase().includes(w)))
				.sort((a, b) => Number(b.isLeaf) - Number(a.isLeaf) || a.name.localeCompare(b.name));
		} else {
			nodes = tree.value.filter((n) => n.parentId === (parentId ?? "0")).sort((a, b) => a.name.localeCompare(b.name));
		}
		return c.json({ categories: nodes.slice(0, limit).map((n) => nodeView(n, tree.value)), total: nodes.length });
	})
	.post(
		"/recommend",
		doc("TikTok's category recommendation for a title and description"),
		validate("json", z.object({ title: z.string().trim().min(1).max(300), description: z.string().max(10_000).default("") })),
		async (c) => {
			const { port } = await connected(c);
			const { title, description } = c.req.valid("json");
			const result = await port.recommendCategory(title, description);
			if (!result.ok) {
				if (result.failure.kind === "permanent") return c.json({ category: null, reason: result.failure.message });
				upstream(result.failure);
			}
			const leaf = result.value.path.at(-1);
			return c.json({
				category: leaf
					? {
							id: result.value.leafId,
							name: leaf.name,
							path: result.value.path.map((p) => ({ id: p.id, name: p.name })),
							permissionStatuses: leaf.permissionStatuses,
							inviteOnly: leaf.permissionStatuses.includes("INVITE_ONLY"),
							applyUrl: leaf.permissionStatuses.includes("INVITE_ONLY") ? QUALIFICATION_URL : null,
						}
					: null,
			});
		},
	)
	.get("/store-recommendation", doc("Recommended categories for the store's main product types"), async (c) => {
		const { port } = await connected(c);
		const { db, shopId } = c.var;
		const recommend = async () => {
			// The main products: the most common product types, each represented by one of its products.
			const types = await db
				.select({ type: products.productType, n: count() })
				.from(products)
				.where(and(eq(products.shopId, shopId), isNull(products.deletedAt), isNotNull(products.productType), ne(products.productType, "")))
				.groupBy(products.productType)
				.orderBy(desc(count()))
				.limit(3);
			const picks = [];
			for (const { type, n } of types) {
				const sample = await db.query.products.findFirst({
					where: and(eq(products.shopId, shopId), eq(products.productType, type ?? ""), isNull(products.deletedAt)),
				});
				if (!sample) continue;
				const rec = await port.recommendCategory(sample.title, sample.bodyHtml ?? "");
				if (!rec.ok) {
					if (rec.failure.kind === "permanent") continue;
					return rec;
				}
				picks.push({
					productType: type,
					products: n,
					categoryId: rec.value.leafId,
					path: rec.value.path.map((p) => ({ id: p.id, name: p.name })),
				});
			}
			return { ok: true as const, value: picks };
		};
		// While the catalogue is still being imported the counts are partial: answer, but do not keep the answer.
		const importing = await db.query.imports.findFirst({ where: and(eq(imports.shopId, shopId), eq(imports.status, "running")) });
		const result = importing ? await recommend() : await cached(db, shopId, "store-recommendation", STORE_RECOMMENDATION_TTL_MS, recommend);
		if (!result.ok) upstream(result.failure);
		return c.json({ recommendations: result.value });
	})
	.get(
		"/:id",
		doc("One category with its path, permissions, attributes and rules"),
		validate("param", z.object({ id: z.string().regex(/^\d{1,20}$/, "Category ids are numbers.") })),
		async (c) => {
			const { port, region } = await connected(c);
			const spec = await loadCategorySpec(c.var.db, port, c.var.shopId, region, c.req.valid("param").id);
			if (!spec.ok) upstream(spec.failure);
			if (!spec.value) throw new AppError("NOT_FOUND", "TikTok has no such category for this shop.");
			const inviteOnly = spec.value.permissionStatuses.includes("INVITE_ONLY");
			return c.json({ ...spec.value, inviteOnly, applyUrl: inviteOnly ? QUALIFICATION_URL : null });
		},
	);
