// Setup files run before every test file, and the files a workerd runs one after
// another share its D1 (the workers project does not isolate them): applyD1Migrations
// only applies what is missing, so repeating it is safe and cheap.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
