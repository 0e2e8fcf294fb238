/**
 * /api/openapi.json is generated from the validators the routes run: a limit it
 * documents is the limit a request is refused at, one past it, and accepted at.
 */
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedInstalledShop } from "./support/shopify";
import { api, type Json } from "./support/sync";

const SHOP = "openapi-limits.myshopify.com";
let doc: Json;

const bodySchema = (path: string) => doc.paths[path].post.requestBody.content["application/json"].schema;
const issuePaths = (body: Json) => (body.error.issues ?? []).map((i: Json) => i.path);

beforeAll(async () => {
	await seedInstalledShop(SHOP);
	const res = await exports.default.fetch("http://app.test/api/openapi.json");
	expect(res.status).toBe(200);
	doc = await res.json();
});

describe("GET /api/openapi.json", () => {
	it("documents every API route with the error envelope", () => {
		expect(doc.openapi).toBe("3.1.0");
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining([
				"/api/templates",
				"/api/templates/{id}",
				"/api/templates/reorder",
				"/api/categories/recommend",
				"/api/products/sync",
				"/api/settings",
				"/webhooks/shopify",
			]),
		);
		expect(doc.paths["/api/templates/{id}"].put.responses["4XX"].content["application/json"].schema.$ref).toBe(
			"#/components/schemas/ErrorEnvelope",
		);
		expect(doc.components.schemas.ErrorEnvelope.required).toEqual(["error"]);
	});

	it("gives reorder the item limit its validator enforces", async () => {
		const max = bodySchema("/api/templates/reorder").properties.templateIds.maxItems;
		expect(max).toBeGreaterThan(0);
		const ids = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);
		const over = await api(SHOP, "POST", "/api/templates/reorder", { templateIds: ids(max + 1) });
		expect(over.status).toBe(400);
		expect(issuePaths(over.body)).toContain("templateIds");
		// At the limit the validator passes it on; the handler refuses ids this shop does not have, naming no field.
		const at = await api(SHOP, "POST", "/api/templates/reorder", { templateIds: ids(max) });
		expect(at.status, JSON.stringify(at.body)).toBe(400);
		expect(issuePaths(at.body)).toEqual([]);
	});

	it("gives recommend the lengths its validator enforces", async () => {
		const { title, description } = bodySchema("/api/categories/recommend").properties;
		expect(title.maxLength).toBeGreaterThan(0);
		expect(description.maxLength).toBeGreaterThan(0);
		const send = (t: number, d: number) =>
			api(SHOP, "POST", "/api/categories/recommend", { title: "x".repeat(t), description: "y".repeat(d) });
		const longTitle = await send(title.maxLength + 1, 1);
		expect(longTitle.status).toBe(400);
		expect(issuePaths(longTitle.body)).toEqual(["title"]);
		const longDescription = await send(1, description.maxLength + 1);
		expect(longDescription.status).toBe(400);
		expect(issuePaths(longDescription.body)).toEqual(["description"]);
		// At both limits the body is valid: this shop has no TikTok connection, which the handler reports.
		const atLimits = await send(title.maxLength, description.maxLength);
		expect(atLimits.body.error.code, JSON.stringify(atLimits.body)).toBe("NOT_CONNECTED");
	});
});
