/**
 * What the app sees as a Shopify store (`SHOPIFY_ADMIN_BASE` = `<origin>/store/{shop}`):
 * the Admin GraphQL endpoint and the OAuth endpoints, on the shop's own Durable Object.
 * @see https://shopify.dev/docs/api/admin-graphql
 */
import { Hono } from "hono";
import { MYSHOPIFY_DOMAIN, type SandboxEnv } from "../env";
import { originOf, send, store } from "./respond";

export const admin = new Hono<{ Bindings: SandboxEnv }>();

const API_VERSION = /^(\d{4}-\d{2}|unstable)$/;

admin.use("/:shop/*", async (c, next) => {
	if (!MYSHOPIFY_DOMAIN.test(c.req.param("shop") ?? "")) return c.json({ errors: "Not Found" }, 404);
	await next();
});

admin.post("/:shop/admin/api/:version/graphql.json", async (c) => {
	const shop = c.req.param("shop");
	const version = c.req.param("version");
	if (!API_VERSION.test(version)) return c.json({ errors: "Not Found" }, 404);
	const contentType = c.req.header("content-type") ?? "";
	let query: unknown;
	let variables: unknown = {};
	if (contentType.includes("application/graphql")) query = await c.req.text();
	else {
		try {
			({ query, variables = {} } = (await c.req.json()) as { query?: unknown; variables?: unknown });
		} catch {
			query = undefined;
		}
	}
	if (typeof query !== "string" || !query.trim()) return c.json({ errors: { query: "Required parameter missing or invalid" } }, 400);
	const token = c.req.header("x-shopify-access-token") ?? null;
	const vars = variables && typeof variables === "object" ? (variables as Record<string, unknown>) : {};
	return send(c, await store(c, shop).graphql(shop, { token, apiVersion: version, query, variables: vars, origin: originOf(c) }));
});

admin.post("/:shop/admin/oauth/access_token", async (c) => {
	const shop = c.req.param("shop");
	const contentType = c.req.header("content-type") ?? "";
	let body: Record<string, unknown> = {};
	try {
		body = contentType.includes("application/json")
			? ((await c.req.json()) as Record<string, unknown>)
			: Object.fromEntries(new URLSearchParams(await c.req.text()));
	} catch {
		return c.json({ error: "invalid_request", error_description: "Body must be JSON or form-encoded" }, 400);
	}
	return send(c, await store(c, shop).accessToken(shop, body));
});

admin.get("/:shop/admin/oauth/authorize", async (c) => {
	const shop = c.req.param("shop");
	return send(c, await store(c, shop).authorize(shop, { ...c.req.query() }));
});
