/**
 * Stored listings. A row keeps the status columns the sandbox queries on, the
 * normalised product (`doc`), the last accepted request body (`input`, which
 * partial edits merge into) and the exact create body as received.
 */
export type ProductStatus =
	| "DRAFT"
	| "PENDING"
	| "FAILED"
	| "ACTIVATE"
	| "SELLER_DEACTIVATED"
	| "PLATFORM_DEACTIVATED"
	| "FREEZE"
	| "DELETED";
export type AuditStatus = "NONE" | "AUDITING" | "FAILED" | "PRE_APPROVED" | "APPROVED";
export type AuditKind = "new" | "edit" | "activate";

export type SalesAttribute = { id: string; name: string; value_id: string; value_name: string; sku_img?: { uri: string } };

export type SkuDoc = {
	id: string;
	seller_sku?: string;
	price: { amount: string; currency: string };
	list_price?: { amount: string; currency: string };
	inventory: { warehouse_id: string; quantity: number }[];
	sales_attributes: SalesAttribute[];
	external_sku_id?: string;
	identifier_code?: { code: string; type: string };
};

export type ProductDoc = {
	title: string;
	description: string;
	category_id: string;
	category_version: string;
	brand?: { id: string; name: string };
	main_images: { uri: string }[];
	skus: SkuDoc[];
	product_attributes: { id: string; name: string; values: { id?: string; name: string }[] }[];
	package_weight: { value: string; unit: string };
	package_dimensions?: { length: string; width: string; height: string; unit: string };
	certifications: {
		id: string;
		title: string;
		images: { uri: string }[];
		files: { id: string; name: string; format: string }[];
		expiration_date?: number;
	}[];
	size_chart?: { image?: { uri: string }; template?: { id: string } };
	is_cod_allowed: boolean;
	external_product_id?: string;
	invite_only: boolean;
	product_status: "INITIAL" | "DRAFT" | "ACTIVATE" | "SELLER_DEACTIVATED" | "DELETED";
	ever_live: boolean;
	pre_approved_reasons?: string[];
	audit_failed_reasons?: { position: string; reasons: string[]; suggestions: string[]; listing_platform: string }[];
	/** Fingerprint of the audited content, to tell content edits from price/stock-only edits. */
	content_hash: string;
};

export type ProductRow = {
	id: string;
	status: ProductStatus;
	audit_status: AuditStatus;
	category_id: string;
	external_product_id: string | null;
	title: string;
	doc: ProductDoc;
	input: Record<string, unknown>;
	create_body: string;
	create_time: number;
	update_time: number;
	audit_due_at: number | null;
	audit_kind: AuditKind | null;
	replays: number;
};

type RawRow = Omit<ProductRow, "doc" | "input"> & { doc: string; input: string };

const parse = (row: RawRow): ProductRow => ({ ...row, doc: JSON.parse(row.doc), input: JSON.parse(row.input) });

export function loadProduct(sql: SqlStorage, id: string): ProductRow | null {
	const row = sql.exec<RawRow>("SELECT * FROM products WHERE id = ?", id).toArray()[0];
	return row ? parse(row) : null;
}

export function allProducts(sql: SqlStorage): ProductRow[] {
	return sql.exec<RawRow>("SELECT * FROM products ORDER BY create_time DESC, id DESC").toArray().map(parse);
}

export type ProductFilter = {
	status?: string;
	sellerSkus?: string[];
	createdFrom?: number;
	createdTo?: number;
	updatedFrom?: number;
	updatedTo?: number;
};

/** One page of products matching `filter` (times in ms), newest first, and the total count. */
export function findProducts(sql: SqlStorage, filter: ProductFilter, limit: number, offset: number): { rows: ProductRow[]; total: number } {
	const where: string[] = [];
	const args: (string | number)[] = [];
	if (filter.status === undefined || filter.status === "ALL") where.push("status != 'DELETED'");
	else {
		where.push("status = ?");
		args.push(filter.status);
	}
	if (filter.sellerSkus) {
		where.push(`id IN (SELECT product_id FROM skus WHERE seller_sku IN (${filter.sellerSkus.map(() => "?").join(", ") || "NULL"}))`);
		args.push(...filter.sellerSkus);
	}
	const bounds: [keyof ProductFilter, string][] = [
		["createdFrom", "create_time >= ?"],
		["createdTo", "create_time <= ?"],
		["updatedFrom", "update_time >= ?"],
		["updatedTo", "update_time <= ?"],
	];
	for (const [key, clause] of bounds) {
		if (filter[key] === undefined) continue;
		where.push(clause);
		args.push(filter[key] as number);
	}
	const condition = where.join(" AND ");
	const total = sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM products WHERE ${condition}`, ...args).one().n;
	const rows = sql
		.exec<RawRow>(`SELECT * FROM products WHERE ${condition} ORDER BY create_time DESC, id DESC LIMIT ? OFFSET ?`, ...args, limit, offset)
		.toArray()
		.map(parse);
	return { rows, total };
}

export function saveProduct(sql: SqlStorage, p: ProductRow): void {
	sql.exec(
		`INSERT INTO products (id, status, audit_status, category_id, external_product_id, title, doc, input, create_body,
			create_time, update_time, audit_due_at, audit_kind, replays) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (id) DO UPDATE SET status = excluded.status, audit_status = excluded.audit_status,
			category_id = excluded.category_id, external_product_id = excluded.external_product_id, title = excluded.title,
			doc = excluded.doc, input = excluded.input, update_time = excluded.update_time, audit_due_at = excluded.audit_due_at,
			audit_kind = excluded.audit_kind, replays = excluded.replays`,
		p.id,
		p.status,
		p.audit_status,
		p.category_id,
		p.external_product_id,
		p.title,
		JSON.stringify(p.doc),
		JSON.stringify(p.input),
		p.create_body,
		p.create_time,
		p.update_time,
		p.audit_due_at,
		p.audit_kind,
		p.replays,
	);
	sql.exec("DELETE FROM skus WHERE product_id = ?", p.id);
	for (const sku of p.doc.skus) {
		sql.exec(
			"INSERT INTO skus (id, product_id, seller_sku, identifier_code) VALUES (?, ?, ?, ?)",
			sku.id,
			p.id,
			sku.seller_sku ?? null,
			sku.identifier_code?.code ?? null,
		);
	}
}

/** A live (not deleted) product of this seller using the external id, other than `exceptId`. */
export function externalIdTaken(sql: SqlStorage, externalId: string, exceptId?: string): boolean {
	return (
		sql
			.exec("SELECT 1 FROM products WHERE external_product_id = ? AND status != 'DELETED' AND id != ? LIMIT 1", externalId, exceptId ?? "")
			.toArray().length > 0
	);
}

export function identifierCodeTaken(sql: SqlStorage, code: string, exceptProductId?: string): boolean {
	return (
		sql
			.exec(
				`SELECT 1 FROM skus s JOIN products p ON p.id = s.product_id
			 WHERE s.identifier_code = ? AND p.status != 'DELETED' AND p.id != ? LIMIT 1`,
				code,
				exceptProductId ?? "",
			)
			.toArray().length > 0
	);
}
