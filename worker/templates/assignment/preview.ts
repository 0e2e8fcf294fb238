/**
 * Preview: which products a rule set selects (saved or not), as the first page
 * in title order plus the total count. Both statements go in one `db.batch`
 * (one round trip); each is a single pass over the shop's `products` rows with
 * the compiled rules (rules/sql.ts), no join and no per-row subquery. The page
 * walks the (shop_id, search_title) index and stops once it has enough rows.
 *
 * Pages: keyset `cursor` (opaque, from `nextCursor`) or a plain `offset`.
 * Parameters: shop id + ≤ 20 rule values + 2 cursor values + limit + offset.
 */
import { and, asc, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { products } from "../../db/schema";
import type { RuleSet } from "../rules/schema";
import { compileRuleSet } from "../rules/sql";
import { liveProducts } from "./scope";

export const PREVIEW_LIMIT_MAX = 100;

/** Where the previous page ended: its last row's search title and id. */
export type PreviewCursor = { title: string; id: string };
export type PreviewPage = { limit: number; cursor?: PreviewCursor; offset?: number };
export type PreviewProduct = {
	id: string;
	title: string;
	vendor: string | null;
	productType: string | null;
	imageSrc: string | null;
	status: string;
};
export type Preview = { total: number; products: PreviewProduct[]; nextCursor: string | null };

function toBase64Url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes))
		.replaceAll("+", "-")
		.replaceAll("/", "_")
		.replace(/=+$/, "");
}

export function encodeCursor(cursor: PreviewCursor): string {
	return toBase64Url(new TextEncoder().encode(JSON.stringify([cursor.title, cursor.id])));
}

export function decodeCursor(value: string): PreviewCursor | null {
	try {
		const binary = atob(value.replaceAll("-", "+").replaceAll("_", "/"));
		const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
		const ok = Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === "string");
		return ok ? { title: parsed[0], id: parsed[1] } : null;
	} catch {
		return null;
	}
}

/** The page options as a route receives them (query string). */
export const previewPageSchema = z
	.object({
		limit: z.coerce.number().int().min(1).max(PREVIEW_LIMIT_MAX).default(25),
		cursor: z
			.string()
			.max(4000)
			.transform(
				(value, ctx) => decodeCursor(value) ?? (ctx.addIssue({ code: "custom", message: "cursor is not one this API returned" }), z.NEVER),
			)
			.optional(),
		offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
	})
	.refine((page) => page.cursor === undefined || page.offset === undefined, { error: "use either cursor or offset, not both" });

/** A page of the shop's products matching `where`, plus their total. */
export async function listProducts(db: Db, shopId: string, where: SQL, page: PreviewPage): Promise<Preview> {
	const matching = and(liveProducts(shopId), where);
	const after = page.cursor ? sql`(${products.searchTitle}, ${products.id}) > (${page.cursor.title}, ${page.cursor.id})` : undefined;
	const pageQuery = db
		.select({
			id: products.id,
			title: products.title,
			vendor: products.vendor,
			productType: products.productType,
			status: products.status,
			searchTitle: products.searchTitle,
			imageSrc: sql<string | null>`case when json_valid(${products.images}) then json_extract(${products.images}, '$[0].src') end`,
		})
		.from(products)
		.where(and(matching, after))
		.orderBy(asc(products.searchTitle), asc(products.id))
		.limit(page.limit + 1)
		.offset(page.offset ?? 0);
	const countQuery = db.select({ total: sql<number>`count(*)` }).from(products).where(matching);
	const [rows, [count]] = await db.batch([pageQuery, countQuery]);
	const shown = rows.slice(0, page.limit);
	const last = shown.at(-1);
	return {
		total: count?.total ?? 0,
		products: shown.map(({ searchTitle: _, ...product }) => product),
		nextCursor: rows.length > page.limit && last ? encodeCursor({ title: last.searchTitle, id: last.id }) : null,
	};
}

/** The products an (unsaved or saved) rule set selects. */
export function previewTemplate(db: Db, shopId: string, ruleSet: RuleSet, page: PreviewPage): Promise<Preview> {
	return listProducts(db, shopId, compileRuleSet(ruleSet), page);
}
