/**
 * Bound-parameter budget. D1 refuses a statement with more than 100 bound
 * parameters and one longer than 100,000 bytes.
 *
 * Strategy: every rule costs at most ONE bound parameter (is_set/is_not_set
 * cost none), so a single rule set (≤ 20 rules) always fits beside the few
 * parameters of its query (shop id, cursor, limit, offset). Statements that
 * compose several rule sets (a template's claim: its rules AND NOT the rules of
 * every higher-priority template; the overlap report) draw their values from a
 * `Binder` with a fixed budget: values beyond it are written into the SQL as
 * quoted literals (`'` doubled, NUL refused; conditions never contain control
 * characters), which SQLite reads as exactly the same value. The composed
 * statement therefore never exceeds the parameter limit, and only its length
 * can fail, which callers check with `statementSize` and report as a value.
 * @see https://developers.cloudflare.com/d1/platform/limits/
 */
import { sql, type SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";

export const D1_MAX_PARAMS = 100;
export const D1_MAX_STATEMENT_BYTES = 100_000;
/** Left for the query around a composed condition (shop id, cursor, limit, run id...). */
export const RESERVED_PARAMS = 10;
/** Left for the select list, joins and ordering around a composed condition. */
export const RESERVED_BYTES = 4_000;

export type Binder = {
	/** A bound parameter while the budget lasts, then an inline literal. */
	value(v: string | number): SQL;
	readonly bound: number;
};

export function paramBudget(max = D1_MAX_PARAMS - RESERVED_PARAMS): Binder {
	let bound = 0;
	return {
		value(v) {
			if (bound >= max) return sql.raw(sqlLiteral(v));
			bound++;
			return sql`${v}`;
		},
		get bound() {
			return bound;
		},
	};
}

/** A SQLite literal that reads back as exactly `v`. */
export function sqlLiteral(v: string | number): string {
	if (typeof v === "number") {
		if (!Number.isFinite(v)) throw new Error("cannot inline a non-finite number");
		return v < 0 ? `(${String(v)})` : String(v);
	}
	if (v.includes("\u0000")) throw new Error("cannot inline a string containing NUL");
	return `'${v.replaceAll("'", "''")}'`;
}

const dialect = new SQLiteSyncDialect({ casing: "snake_case" });
const encoder = new TextEncoder();

/** Parameters and UTF-8 bytes of a condition as D1 will receive it. */
export function statementSize(condition: SQL): { params: number; bytes: number } {
	const query = dialect.sqlToQuery(condition);
	return { params: query.params.length, bytes: encoder.encode(query.sql).length };
}

/** Whether a composed condition leaves room for the query around it. */
export function fitsStatement(condition: SQL): { ok: true } | { ok: false; bytes: number; params: number } {
	const size = statementSize(condition);
	const ok = size.params <= D1_MAX_PARAMS - RESERVED_PARAMS && size.bytes <= D1_MAX_STATEMENT_BYTES - RESERVED_BYTES;
	return ok ? { ok: true } : { ok: false, ...size };
}
