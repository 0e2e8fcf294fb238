/**
 * SQLite tables of one store's Durable Object. Products are one JSON document per
 * row plus the columns the `products(query:)` filters and sort keys need; list
 * columns (tags, SKUs, collection ids) are `|`-delimited so one `instr` finds an
 * exact element. `CREATE … IF NOT EXISTS` makes this safe to run on every start
 * and again after a reset's deleteAll().
 * @see https://developers.cloudflare.com/durable-objects/api/sqlite-storage-api/
 */
export const SCHEMA = [
	`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS products (
		id INTEGER PRIMARY KEY, handle TEXT NOT NULL, title TEXT NOT NULL, product_type TEXT NOT NULL, vendor TEXT NOT NULL,
		status TEXT NOT NULL, tags TEXT NOT NULL, skus TEXT NOT NULL, category_id TEXT, collection_ids TEXT NOT NULL,
		created_at_ms INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL, doc TEXT NOT NULL)`,
	`CREATE INDEX IF NOT EXISTS products_updated ON products (updated_at_ms, id)`,
	`CREATE TABLE IF NOT EXISTS inventory_items (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS collections (id INTEGER PRIMARY KEY, title TEXT NOT NULL, handle TEXT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS subscriptions (
		id INTEGER PRIMARY KEY, topic TEXT NOT NULL, uri TEXT NOT NULL, api_version TEXT NOT NULL, created_at_ms INTEGER NOT NULL,
		UNIQUE (topic, uri))`,
	`CREATE TABLE IF NOT EXISTS tokens (
		token TEXT PRIMARY KEY, kind TEXT NOT NULL, scope TEXT NOT NULL, expires_at_ms INTEGER,
		state TEXT NOT NULL, previous TEXT, created_at_ms INTEGER NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS auth_codes (code TEXT PRIMARY KEY, scope TEXT NOT NULL, expires_at_ms INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0)`,
	`CREATE TABLE IF NOT EXISTS deliveries (
		seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, event_id TEXT NOT NULL, topic TEXT NOT NULL, url TEXT NOT NULL,
		headers TEXT NOT NULL, body TEXT NOT NULL, created_at_ms INTEGER NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
		next_attempt_at_ms INTEGER, last_status INTEGER, last_error TEXT)`,
	`CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at_ms)`,
];

export function applySchema(sql: SqlStorage): void {
	for (const statement of SCHEMA) sql.exec(statement);
}
