/**
 * One seller's storage (SQLite in its Durable Object). Idempotent: runs on every
 * start and after a wipe. Ids are TEXT because TikTok ids exceed 2^53.
 * @see https://developers.cloudflare.com/durable-objects/api/sqlite-storage-api/
 */
const STATEMENTS = [
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
	// access / refresh tokens and auth codes
	`CREATE TABLE IF NOT EXISTS credentials (value TEXT PRIMARY KEY, kind TEXT NOT NULL, expires_at INTEGER NOT NULL,
		used INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS products (id TEXT PRIMARY KEY, status TEXT NOT NULL, audit_status TEXT NOT NULL,
		category_id TEXT NOT NULL, external_product_id TEXT, title TEXT NOT NULL, doc TEXT NOT NULL, input TEXT NOT NULL,
		create_body TEXT NOT NULL, create_time INTEGER NOT NULL, update_time INTEGER NOT NULL,
		audit_due_at INTEGER, audit_kind TEXT, replays INTEGER NOT NULL DEFAULT 0)`,
	"CREATE INDEX IF NOT EXISTS products_external ON products (external_product_id)",
	"CREATE INDEX IF NOT EXISTS products_audit_due ON products (audit_due_at)",
	"CREATE INDEX IF NOT EXISTS products_created ON products (create_time)",
	"CREATE TABLE IF NOT EXISTS skus (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, seller_sku TEXT, identifier_code TEXT)",
	"CREATE INDEX IF NOT EXISTS skus_product ON skus (product_id)",
	"CREATE INDEX IF NOT EXISTS skus_seller_sku ON skus (seller_sku)",
	"CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, product_id TEXT NOT NULL, response TEXT NOT NULL, created_at INTEGER NOT NULL)",
	`CREATE TABLE IF NOT EXISTS media (id TEXT PRIMARY KEY, kind TEXT NOT NULL, use_case TEXT, name TEXT, format TEXT,
		width INTEGER, height INTEGER, content_type TEXT NOT NULL, size INTEGER NOT NULL, chunks INTEGER NOT NULL, created_at INTEGER NOT NULL)`,
	// Media bytes in chunks: a SQLite row or value holds at most 2 MB.
	"CREATE TABLE IF NOT EXISTS media_chunks (media_id TEXT NOT NULL, idx INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (media_id, idx))",
	"CREATE TABLE IF NOT EXISTS webhooks (event_type TEXT PRIMARY KEY, address TEXT NOT NULL, create_time INTEGER NOT NULL, update_time INTEGER NOT NULL)",
	`CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, notification_id TEXT NOT NULL, type INTEGER NOT NULL,
		event_type TEXT NOT NULL, product_id TEXT NOT NULL, url TEXT, headers TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
		delivery TEXT NOT NULL, delivery_status INTEGER, delivery_error TEXT)`,
	"CREATE TABLE IF NOT EXISTS hits (kind TEXT NOT NULL, at INTEGER NOT NULL)",
	"CREATE INDEX IF NOT EXISTS hits_kind_at ON hits (kind, at)",
	`CREATE TABLE IF NOT EXISTS seconds (second INTEGER PRIMARY KEY, reads INTEGER NOT NULL DEFAULT 0,
		writes INTEGER NOT NULL DEFAULT 0, limited INTEGER NOT NULL DEFAULT 0)`,
	"CREATE TABLE IF NOT EXISTS rejections (code INTEGER PRIMARY KEY, count INTEGER NOT NULL)",
];

export function createSchema(sql: SqlStorage): void {
	for (const statement of STATEMENTS) sql.exec(statement);
}
