/**
 * The Shopify catalogue in D1: every write of a product and its variants goes
 * through here, whatever it came from (webhook, import, completion job).
 *
 * Invariants:
 * - An older Shopify version never overwrites a newer one. The product upsert is
 *   conditional on `shopify_updated_at`, and every variant statement of the same
 *   batch is guarded by "the product row now carries this version", so a stale
 *   payload racing a newer one writes nothing at all (D1 has no interactive
 *   transactions; `db.batch` is one transaction, so the guard sees the upsert).
 * - Soft deletion is final: Shopify never reuses a product id, so a late
 *   create/update for a deleted product is ignored.
 * - Re-writing what is already stored writes nothing and reports `changed: false`,
 *   so a re-import or a `products/update` fired by an order enqueues no sync work.
 * - ≤100 bound parameters per statement: variant inserts are chunked.
 * @see https://developers.cloudflare.com/d1/worker-api/d1-database/#batch
 */
import { and, asc, eq, getTableColumns, isNull, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { toSnakeCase } from "drizzle-orm/casing";
import type { Db } from "../db/client";
import { products, productSync, variants, type Product, type Variant } from "../db/schema";
import { productFromRows, variantFromRow } from "./product-from-rows";
import { toProductRow, toVariantRows } from "./rows";
import type { CatalogProduct, CatalogVariant } from "./types";

export { productFromRows };

export type UpsertOptions = {
	/** The payload has no weights (webhooks since 2024-07): keep the stored weight of a variant whose inventory item is unchanged. */
	keepStoredWeights?: boolean;
	/** The payload has no collections (webhooks): keep the stored collection ids. */
	keepStoredCollections?: boolean;
	/** The stored product, already read (`storedProductQueries` in the caller's own batch); null = none stored. */
	stored?: StoredProduct | null;
	/**
	 * Statements committed in the same transaction as whatever the upsert writes,
	 * and committed even when it writes nothing (e.g. the webhook's receipt).
	 */
	alsoWrite?: BatchItem<"sqlite">[];
};

/** `stale`: the stored version is newer (or the product was deleted), nothing was written. */
export type UpsertResult = { changed: boolean; stale: boolean };

const MAX_PARAMS = 100;
const VARIANT_KEYS = Object.keys(getTableColumns(variants)) as (keyof Variant)[];
const GUARD_PARAMS = 3;
const VARIANT_ROWS_PER_STATEMENT = Math.floor((MAX_PARAMS - GUARD_PARAMS) / VARIANT_KEYS.length);
/** Bookkeeping columns that say when we wrote, not what Shopify has. */
const NOT_CONTENT = new Set(["createdAt", "updatedAt", "deletedAt", "shopifyUpdatedAt"]);

/** The product's rows as stored: what an upsert compares against. */
export type StoredProduct = { product: Product; variants: Variant[] };

/** The two reads behind `readStoredProduct`, for a caller that batches them with its own reads. */
export function storedProductQueries(db: Db, shopId: string, productId: string) {
	return [
		db
			.select()
			.from(products)
			.where(and(eq(products.shopId, shopId), eq(products.id, productId))),
		db
			.select()
			.from(variants)
			.where(and(eq(variants.shopId, shopId), eq(variants.productId, productId)))
			.orderBy(asc(variants.position), asc(variants.id)),
	] as const;
}

export function storedProductFrom([productRows, variantRows]: readonly [Product[], Variant[]]): StoredProduct | null {
	return productRows[0] ? { product: productRows[0], variants: variantRows } : null;
}

export async function readStoredProduct(db: Db, shopId: string, productId: string): Promise<StoredProduct | null> {
	return storedProductFrom(await db.batch(storedProductQueries(db, shopId, productId)));
}

/** Runs `statements` (if any) as one transaction. */
async function commit(db: Db, statements: BatchItem<"sqlite">[]): Promise<void> {
	if (statements.length) await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}

/** Fills in what the payload could not know from what is stored (see UpsertOptions). */
function mergeStored(incoming: CatalogProduct, stored: StoredProduct, options: UpsertOptions): CatalogProduct {
	const storedById = new Map(stored.variants.map((v) => [v.id, v]));
	const merged = incoming.variants.map((v): CatalogVariant => {
		const old = storedById.get(v.id);
		if (!options.keepStoredWeights || !old || v.weightGrams !== null) return v;
		const sameItem = v.inventoryItemId === null || v.inventoryItemId === old.inventoryItemId;
		if (!sameItem) return v;
		return {
			...v,
			inventoryItemId: old.inventoryItemId,
			weightGrams: old.weightGrams,
			weightValue: old.weightValue,
			weightUnit: old.weightUnit,
		};
	});
	if (incoming.variantsIncomplete) {
		// The payload was cut at 100 variants: keep the stored rest until product.complete refreshes them.
		const present = new Set(incoming.variants.map((v) => v.id));
		for (const old of stored.variants) if (!present.has(old.id)) merged.push(variantFromRow(old));
	}
	const collectionIds = options.keepStoredCollections ? (JSON.parse(stored.product.collectionIds) as string[]) : incoming.collectionIds;
	// Stored complete for this very version (product.complete ran): the cut payload adds nothing to fetch.
	const completeAlready =
		incoming.variantsIncomplete && !stored.product.variantsIncomplete && stored.product.shopifyUpdatedAt === incoming.shopifyUpdatedAt;
	return { ...incoming, collectionIds, variants: merged, variantsIncomplete: incoming.variantsIncomplete && !completeAlready };
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

function sameContent(stored: StoredProduct, productRow: Record<string, unknown>, variantRows: Record<string, unknown>[]): boolean {
	const storedProduct = stored.product as Record<string, unknown>;
	if (Object.keys(productRow).some((key) => !NOT_CONTENT.has(key) && !same(productRow[key], storedProduct[key]))) return false;
	if (variantRows.length !== stored.variants.length) return false;
	const storedById = new Map(stored.variants.map((v) => [v.id, v as Record<string, unknown>]));
	return variantRows.every((row) => {
		const old = storedById.get(row.id as string);
		return !!old && Object.keys(row).every((key) => NOT_CONTENT.has(key) || same(row[key], old[key]));
	});
}

/** "The product row carries exactly this Shopify version and is not deleted": true only if this batch's upsert won. */
const versionGuard = (shopId: string, productId: string, updatedAt: number): SQL =>
	sql`EXISTS (SELECT 1 FROM products WHERE shop_id = ${shopId} AND id = ${productId} AND shopify_updated_at = ${updatedAt} AND deleted_at IS NULL)`;

const excluded = (key: string) => sql.raw(`excluded."${toSnakeCase(key)}"`);

function excludedSet(keys: string[]): Record<string, SQL> {
	return Object.fromEntries(keys.map((key) => [key, excluded(key)]));
}

function guardedVariantUpserts(db: Db, rows: Variant[], guard: () => SQL) {
	const statements = [];
	for (let i = 0; i < rows.length; i += VARIANT_ROWS_PER_STATEMENT) {
		const chunk = rows.slice(i, i + VARIANT_ROWS_PER_STATEMENT);
		const tuples = chunk.map(
			(row) =>
				sql`(${sql.join(
					VARIANT_KEYS.map((key) => sql`${row[key] ?? null}`),
					sql`, `,
				)})`,
		);
		// INSERT … SELECT needs the WHERE before ON CONFLICT (SQLite's parsing rule); the guard provides it.
		statements.push(
			db
				.insert(variants)
				.select(sql`SELECT * FROM (VALUES ${sql.join(tuples, sql`, `)}) WHERE ${guard()}`)
				.onConflictDoUpdate({
					target: [variants.shopId, variants.productId, variants.id],
					set: excludedSet(VARIANT_KEYS.filter((key) => !["shopId", "productId", "id", "createdAt"].includes(key))),
				}),
		);
	}
	return statements;
}

export async function upsertProduct(
	db: Db,
	shopId: string,
	product: CatalogProduct,
	now: number,
	options: UpsertOptions = {},
): Promise<UpsertResult> {
	const alsoWrite = options.alsoWrite ?? [];
	const stored = options.stored !== undefined ? options.stored : await readStoredProduct(db, shopId, product.id);
	if (stored && (stored.product.deletedAt !== null || stored.product.shopifyUpdatedAt > product.shopifyUpdatedAt)) {
		await commit(db, alsoWrite);
		return { changed: false, stale: true };
	}
	const merged = stored ? mergeStored(product, stored, options) : product;
	const productRow = toProductRow(shopId, merged, now);
	const variantRows = toVariantRows(shopId, merged, now) as Variant[];
	if (stored && sameContent(stored, productRow, variantRows)) {
		const newer = stored.product.shopifyUpdatedAt < product.shopifyUpdatedAt;
		// Same content, newer version (e.g. an edit undone): remember the version so older payloads stay stale.
		const bump = db
			.update(products)
			.set({ shopifyUpdatedAt: product.shopifyUpdatedAt })
			.where(
				and(eq(products.shopId, shopId), eq(products.id, product.id), sql`${products.shopifyUpdatedAt} < ${product.shopifyUpdatedAt}`),
			);
		await commit(db, newer ? [bump, ...alsoWrite] : alsoWrite);
		return { changed: false, stale: false };
	}
	const guard = () => versionGuard(shopId, product.id, product.shopifyUpdatedAt);
	const productKeys = Object.keys(productRow).filter((key) => !["shopId", "id", "createdAt", "deletedAt"].includes(key));
	const [written] = await db.batch([
		db
			.insert(products)
			.values(productRow)
			.onConflictDoUpdate({
				target: [products.shopId, products.id],
				set: excludedSet(productKeys),
				setWhere: sql`${products.shopifyUpdatedAt} <= excluded.shopify_updated_at AND ${products.deletedAt} IS NULL`,
			})
			.returning({ id: products.id }),
		...guardedVariantUpserts(db, variantRows, guard),
		// Variants Shopify no longer has; the id list travels as one JSON parameter.
		db
			.delete(variants)
			.where(
				and(
					eq(variants.shopId, shopId),
					eq(variants.productId, product.id),
					sql`${variants.id} NOT IN (SELECT value FROM json_each(${JSON.stringify(variantRows.map((v) => v.id))}))`,
					guard(),
				),
			),
		db.insert(productSync).values({ shopId, productId: product.id, createdAt: now, updatedAt: now }).onConflictDoNothing(),
		...alsoWrite,
	]);
	return written.length > 0 ? { changed: true, stale: false } : { changed: false, stale: true };
}

/** Soft delete (products/delete): keeps the row and its sync state so the listing can be deactivated. */
export async function markProductDeleted(db: Db, shopId: string, productId: string, now: number): Promise<{ changed: boolean }> {
	const rows = await db
		.update(products)
		.set({ deletedAt: now, updatedAt: now })
		.where(and(eq(products.shopId, shopId), eq(products.id, productId), isNull(products.deletedAt)))
		.returning({ id: products.id });
	return { changed: rows.length > 0 };
}

export type VariantWeight = { weightGrams: number | null; weightValue: number | null; weightUnit: string | null };

/**
 * inventory_items/update: the weight lives on the inventory item. Sets it on the
 * variant(s) holding that item, then re-derives the products' weight columns.
 * Returns the ids of products whose weight actually changed.
 */
export async function updateVariantWeightByInventoryItem(
	db: Db,
	shopId: string,
	inventoryItemId: string,
	weight: VariantWeight,
	now: number,
): Promise<{ productIds: string[] }> {
	const updated = await db
		.update(variants)
		.set({ ...weight, updatedAt: now })
		.where(
			and(
				eq(variants.shopId, shopId),
				eq(variants.inventoryItemId, inventoryItemId),
				sql`(${variants.weightGrams} IS NOT ${weight.weightGrams} OR ${variants.weightValue} IS NOT ${weight.weightValue} OR ${variants.weightUnit} IS NOT ${weight.weightUnit})`,
			),
		)
		.returning({ productId: variants.productId });
	const productIds = [...new Set(updated.map((row) => row.productId))];
	for (const productId of productIds) await refreshWeightColumns(db, shopId, productId, now);
	return { productIds };
}

/** Re-derives the product's weight columns from its stored variants, the way toProductRow derives them. */
async function refreshWeightColumns(db: Db, shopId: string, productId: string, now: number): Promise<void> {
	const stored = await readStoredProduct(db, shopId, productId);
	if (!stored) return;
	const { searchWeights, weightMinG, weightMaxG } = toProductRow(shopId, productFromRows(stored.product, stored.variants), now);
	await db
		.update(products)
		.set({ searchWeights, weightMinG, weightMaxG, updatedAt: now })
		.where(and(eq(products.shopId, shopId), eq(products.id, productId)));
}

/**
 * The stored product as a CatalogProduct (variants by position), or null when it
 * does not exist or was deleted in Shopify (`includeDeleted` to get it anyway).
 */
export async function getProductWithVariants(
	db: Db,
	shopId: string,
	productId: string,
	options: { includeDeleted?: boolean } = {},
): Promise<CatalogProduct | null> {
	const stored = await readStoredProduct(db, shopId, productId);
	if (!stored || (stored.product.deletedAt !== null && !options.includeDeleted)) return null;
	return productFromRows(stored.product, stored.variants);
}
