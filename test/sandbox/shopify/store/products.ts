/**
 * Product storage for one store: save/load/delete documents, find a product by an
 * inventory item, and cursor pages ordered by a sort key with `id` as tiebreaker
 * (so pages never skip or repeat a product while others change).
 */
import type { SandboxProduct } from "../catalog/types";
import { compileProductQuery } from "../graphql/search";

export type SortKey = "ID" | "UPDATED_AT" | "CREATED_AT" | "TITLE";

const SORT_COLUMNS: Record<SortKey, string> = { ID: "id", UPDATED_AT: "updated_at_ms", CREATED_AT: "created_at_ms", TITLE: "title" };

const pipeList = (values: (string | number | null)[]) =>
	`|${values
		.filter((v) => v !== null && v !== "")
		.map((v) => String(v).toLowerCase())
		.join("|")}|`;

export function saveProduct(sql: SqlStorage, p: SandboxProduct): void {
	sql.exec(
		`INSERT INTO products (id, handle, title, product_type, vendor, status, tags, skus, category_id, collection_ids, created_at_ms, updated_at_ms, doc)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (id) DO UPDATE SET handle = excluded.handle, title = excluded.title, product_type = excluded.product_type, vendor = excluded.vendor,
		 status = excluded.status, tags = excluded.tags, skus = excluded.skus, category_id = excluded.category_id, collection_ids = excluded.collection_ids,
		 created_at_ms = excluded.created_at_ms, updated_at_ms = excluded.updated_at_ms, doc = excluded.doc`,
		p.id,
		p.handle,
		p.title,
		p.productType,
		p.vendor,
		p.status,
		pipeList(p.tags),
		pipeList(p.variants.map((v) => v.sku)),
		p.category?.id.replace("gid://shopify/TaxonomyCategory/", "") ?? null,
		pipeList(p.collectionIds),
		p.createdAtMs,
		p.updatedAtMs,
		JSON.stringify(p),
	);
	sql.exec("DELETE FROM inventory_items WHERE product_id = ?", p.id);
	for (const v of p.variants) sql.exec("INSERT OR REPLACE INTO inventory_items (id, product_id) VALUES (?, ?)", v.inventoryItemId, p.id);
}

export function loadProduct(sql: SqlStorage, id: number): SandboxProduct | null {
	const row = sql.exec<{ doc: string }>("SELECT doc FROM products WHERE id = ?", id).toArray()[0];
	return row ? (JSON.parse(row.doc) as SandboxProduct) : null;
}

export function deleteProduct(sql: SqlStorage, id: number): boolean {
	sql.exec("DELETE FROM inventory_items WHERE product_id = ?", id);
	return sql.exec("DELETE FROM products WHERE id = ?", id).rowsWritten > 0;
}

export function productIdForInventoryItem(sql: SqlStorage, inventoryItemId: number): number | null {
	return (
		sql.exec<{ product_id: number }>("SELECT product_id FROM inventory_items WHERE id = ?", inventoryItemId).toArray()[0]?.product_id ??
		null
	);
}

export function countProducts(sql: SqlStorage, query?: string | null): number {
	const filter = compileProductQuery(query);
	return sql.exec<{ n: number }>(`SELECT count(*) AS n FROM products WHERE ${filter.where}`, ...filter.params).one().n;
}

type CursorValue = [string | number, number];

export const encodeCursor = (value: CursorValue) => btoa(JSON.stringify(value));

function decodeCursor(cursor: string | null | undefined): CursorValue | null {
	if (!cursor) return null;
	try {
		const value = JSON.parse(atob(cursor));
		return Array.isArray(value) && value.length === 2 ? (value as CursorValue) : null;
	} catch {
		return null;
	}
}

export const isValidCursor = (cursor: unknown) =>
	cursor === undefined || cursor === null || (typeof cursor === "string" && decodeCursor(cursor) !== null);

export type ProductPageRequest = { first: number; after?: string | null; query?: string | null; sortKey?: SortKey; reverse?: boolean };
export type ProductPage = { products: SandboxProduct[]; hasNextPage: boolean; cursors: string[] };

export function pageProducts(sql: SqlStorage, req: ProductPageRequest): ProductPage | { error: string } {
	const column = SORT_COLUMNS[req.sortKey ?? "ID"];
	const filter = compileProductQuery(req.query);
	const after = decodeCursor(req.after);
	if (req.after && !after) return { error: `Invalid cursor for current pagination sort.` };
	const dir = req.reverse ? "<" : ">";
	const order = req.reverse ? "DESC" : "ASC";
	const where = [filter.where];
	const params: (string | number)[] = [...filter.params];
	if (after) {
		where.push(`(${column} ${dir} ? OR (${column} = ? AND id ${dir} ?))`);
		params.push(after[0], after[0], after[1]);
	}
	const rows = sql
		.exec<{ doc: string; key: string | number; id: number }>(
			`SELECT doc, ${column} AS key, id FROM products WHERE ${where.join(" AND ")} ORDER BY ${column} ${order}, id ${order} LIMIT ?`,
			...params,
			req.first + 1,
		)
		.toArray();
	const page = rows.slice(0, req.first);
	return {
		products: page.map((r) => JSON.parse(r.doc) as SandboxProduct),
		hasNextPage: rows.length > req.first,
		cursors: page.map((r) => encodeCursor([r.key, r.id])),
	};
}
