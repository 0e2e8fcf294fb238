/**
 * drizzle over D1. `casing: "snake_case"` matches drizzle.config.ts.
 * D1 has no interactive transactions: atomic groups of writes use `db.batch()`,
 * and read-then-write races are expressed as conditional UPDATEs.
 * @see https://orm.drizzle.team/docs/connect-cloudflare-d1
 */
import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

export function createDb(d1: D1Database) {
	return drizzle(d1, { schema, casing: "snake_case" });
}

export type Db = ReturnType<typeof createDb>;
