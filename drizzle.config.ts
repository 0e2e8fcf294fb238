// drizzle-kit only generates SQL here; wrangler applies it and owns d1_migrations.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
	dialect: "sqlite",
	schema: "./worker/db/schema.ts",
	out: "./migrations",
	casing: "snake_case",
});
