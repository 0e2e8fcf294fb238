/**
 * Recognises a lost unique-constraint race (two requests inserting the same key
 * at once), so it answers 409 instead of INTERNAL. D1 reports it as
 * `D1_ERROR: UNIQUE constraint failed: <table>.<column>: SQLITE_CONSTRAINT`;
 * drizzle wraps that error (DrizzleQueryError "Failed query: …") and keeps the
 * original as `cause`, so the whole cause chain is searched. A primary-key clash
 * reads the same in SQLite.
 * @see https://www.sqlite.org/rescode.html#constraint_unique
 */
const UNIQUE_FAILED = /UNIQUE constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/;

export function isUniqueViolation(err: unknown): boolean {
	let current: unknown = err;
	// A bounded walk: a cause chain can be cyclic.
	for (let depth = 0; depth < 8 && current; depth++) {
		const message = current instanceof Error ? current.message : typeof current === "string" ? current : "";
		if (UNIQUE_FAILED.test(message)) return true;
		current = current instanceof Error ? current.cause : undefined;
	}
	return false;
}
