import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../worker/db/schema";
import { SHOP_TABLES } from "../worker/shopify/purge/purge-shop";

describe("SHOP_TABLES (shop/redact deletes from each)", () => {
	it("lists every table of the schema, so a new table cannot escape a redact", () => {
		const all = Object.values(schema)
			.filter((value) => is(value, SQLiteTable))
			.map((table) => getTableName(table as SQLiteTable));
		expect(SHOP_TABLES.map(({ table }) => getTableName(table)).sort()).toEqual([...new Set(all)].sort());
	});
});
