/**
 * Readiness: before activation, for the products a template would sync, whether
 * each listing would pass and, if not, why, grouped in the merchant's words
 * ("12 products have no weight in Shopify and the template has no backup
 * weight"). It runs the same listing builder as the sync (with placeholder
 * images), over up to READINESS_LIMIT products, then TikTok's listing_check dry
 * run on a few that pass locally, so the verdict includes TikTok's own checks.
 */
import { and, asc, eq, getTableColumns, inArray, type SQL } from "drizzle-orm";
import { productFromRows } from "../catalog";
import type { Db } from "../db/client";
import { productSync, products, type Shop, variants } from "../db/schema";
import { buildListing, listingImageSources, type Problem, type ProblemCode, summarize } from "../listing";
import type { CategorySpec } from "../tiktok";
import type { DryRun, Readiness, TemplateConfig } from "../templates";
import type { TikTokPort } from "../tiktok";
import { hostedLookup, hostImages } from "./images";

export const READINESS_LIMIT = 1000;
export const DRY_RUN_SAMPLE = 3;

const placeholder = { uri: "placeholder", url: "https://placeholder.invalid/x.png", width: 800, height: 800 };

async function loadProducts(db: Db, shopId: string, where: SQL, limit: number) {
	// Only products' columns: D1 returns joined rows by name, and product_sync repeats shop_id and the timestamps.
	const list = await db
		.select(getTableColumns(products))
		.from(products)
		.innerJoin(productSync, and(eq(productSync.shopId, products.shopId), eq(productSync.productId, products.id)))
		.where(and(where, eq(productSync.syncState, "not_synced")))
		.orderBy(asc(products.id))
		.limit(limit);
	const variantRows = [];
	for (let i = 0; i < list.length; i += 90) {
		variantRows.push(
			...(await db
				.select()
				.from(variants)
				.where(
					and(
						eq(variants.shopId, shopId),
						inArray(
							variants.productId,
							list.slice(i, i + 90).map((p) => p.id),
						),
					),
				)),
		);
	}
	const byProduct = Map.groupBy(variantRows, (v) => v.productId);
	return list.map((p) =>
		productFromRows(
			p,
			(byProduct.get(p.id) ?? []).sort((a, b) => a.position - b.position),
		),
	);
}

export async function readiness(
	db: Db,
	shop: Shop,
	input: { where: SQL; total: number; config: TemplateConfig; category: CategorySpec | null; port: TikTokPort | null },
): Promise<Readiness> {
	const context = { region: shop.tiktokRegion ?? "US", currency: shop.currency ?? "USD", warehouseId: shop.tiktokWarehouseId };
	const list = await loadProducts(db, shop.id, input.where, READINESS_LIMIT);
	const groups = new Map<ProblemCode, { problems: Problem[]; products: { id: string; title: string }[] }>();
	const passing: typeof list = [];
	for (const product of list) {
		const built = await buildListing({
			product,
			config: input.config,
			category: input.category,
			shop: context,
			hosted: (src) => (src ? placeholder : undefined),
		});
		if (built.ok) {
			passing.push(product);
			continue;
		}
		const seen = new Set<ProblemCode>();
		for (const problem of built.problems) {
			if (seen.has(problem.code)) continue;
			seen.add(problem.code);
			const group = groups.get(problem.code) ?? { problems: [], products: [] };
			group.problems.push(problem);
			group.products.push({ id: product.id, title: product.title });
			groups.set(problem.code, group);
		}
	}
	const dryRun: DryRun[] = [];
	let dryRunError: string | null = null;
	if (input.port && input.category) {
		for (const product of passing.slice(0, DRY_RUN_SAMPLE)) {
			const images = await hostImages(db, shop.id, await listingImageSources(product, input.config), input.port);
			if (!images.ok) {
				dryRunError = images.failure.message;
				break;
			}
			const built = await buildListing({
				product,
				config: input.config,
				category: input.category,
				shop: context,
				hosted: hostedLookup(images.hosted),
			});
			if (!built.ok) continue;
			const check = await input.port.listingCheck(built.listing.body);
			if (!check.ok) {
				dryRunError = check.failure.message;
				break;
			}
			dryRun.push({ productId: product.id, title: product.title, passed: check.value.passed, failReasons: check.value.failReasons });
		}
	}
	const failing = list.length - passing.length;
	return {
		total: input.total,
		checked: list.length,
		passing: passing.length,
		failing,
		groups: [...groups].map(([code, g]) => ({
			code,
			count: g.products.length,
			summary: summarize(code, g.products.length, g.problems[0]),
			fix: g.problems[0].fix,
			field: g.problems[0].field,
			products: g.products.slice(0, 10),
		})),
		dryRun,
		dryRunError,
	};
}
