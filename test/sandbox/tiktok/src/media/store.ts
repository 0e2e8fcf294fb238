/**
 * Uploaded images and files in the seller's storage. Bytes are split into 1 MB
 * chunks because a SQLite value is limited to 2 MB. Image URIs imitate TikTok's
 * (`tos-maliva-i-o3syd03w52-us/<hash>`), and the URL points back at the sandbox,
 * which serves the bytes at GET /__media/{seller_id}/{uri}.
 */
const CHUNK = 1024 * 1024;

export type MediaRow = {
	id: string;
	kind: "image" | "file";
	use_case: string | null;
	name: string | null;
	format: string | null;
	width: number | null;
	height: number | null;
	content_type: string;
	size: number;
	created_at: number;
};

export function saveMedia(sql: SqlStorage, row: MediaRow, bytes: Uint8Array): void {
	const chunks = Math.max(1, Math.ceil(bytes.length / CHUNK));
	sql.exec(
		`INSERT INTO media (id, kind, use_case, name, format, width, height, content_type, size, chunks, created_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		row.id,
		row.kind,
		row.use_case,
		row.name,
		row.format,
		row.width,
		row.height,
		row.content_type,
		row.size,
		chunks,
		row.created_at,
	);
	for (let i = 0; i < chunks; i++) {
		sql.exec(
			"INSERT INTO media_chunks (media_id, idx, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
			row.id,
			i,
			bytes.slice(i * CHUNK, (i + 1) * CHUNK).buffer,
		);
	}
}

export function mediaInfo(sql: SqlStorage, id: string): MediaRow | null {
	return sql.exec<MediaRow>("SELECT * FROM media WHERE id = ?", id).toArray()[0] ?? null;
}

export function mediaBytes(sql: SqlStorage, id: string): Uint8Array | null {
	const rows = sql.exec<{ bytes: ArrayBuffer }>("SELECT bytes FROM media_chunks WHERE media_id = ? ORDER BY idx", id).toArray();
	if (rows.length === 0) return null;
	const parts = rows.map((r) => new Uint8Array(r.bytes));
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const p of parts) {
		out.set(p, offset);
		offset += p.length;
	}
	return out;
}

export function mediaUrl(origin: string, sellerId: string, id: string): string {
	return `${origin}/__media/${encodeURIComponent(sellerId)}/${id}`;
}
