/**
 * Small typed key/value settings of a store (its profile, shop info, rate-limit
 * bucket, counters), kept as JSON in the `meta` table.
 */
export function readMeta<T>(sql: SqlStorage, key: string): T | null {
	const row = sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0];
	return row ? (JSON.parse(row.value) as T) : null;
}

export function writeMeta(sql: SqlStorage, key: string, value: unknown): void {
	sql.exec(
		"INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		key,
		JSON.stringify(value),
	);
}
