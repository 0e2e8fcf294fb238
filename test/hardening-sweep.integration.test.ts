/**
 * A hostile-input sweep over every /api route (the list is checked against the
 * app's own routes, so a new route must be added here): malformed JSON, wrong
 * types, oversized strings, negative/huge/tiny numbers, prototype keys, unknown
 * and foreign-shop ids, bad query values, wrong content types. Every answer is
 * below 500, and every refusal is the one JSON error envelope. The manual sync
 * refuses a template id that is not the shop's own.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../worker/app";
import { upsertProduct } from "../worker/catalog/product-repo";
import { createDb } from "../worker/db/client";
import { makeProduct, makeVariant } from "./support/catalog";
import { type HostileRequest, hostileBodies, hostileIds, hostileQueries } from "./support/hostile";
import { seedInstalledShop, sessionFor } from "./support/shopify";
import { api, type Json, plainLeaf } from "./support/sync";
import { connectTikTokShop } from "./support/tiktok";

const A = "sweep-a.myshopify.com";
const B = "sweep-b.myshopify.com";
const PRODUCT_A = "7300000000001";
const PRODUCT_B = "7300000000002";
let category = "";
let templateA = "";
let templateB = "";

beforeAll(async () => {
	const db = createDb(env.DB);
	for (const [shop, product] of [
		[A, PRODUCT_A],
		[B, PRODUCT_B],
	]) {
		await seedInstalledShop(shop);
		await connectTikTokShop(shop);
		await upsertProduct(db, shop, makeProduct({ id: product, variants: [makeVariant({ id: `${product}1` })] }), Date.now());
	}
	category = await plainLeaf(A, "candle");
	const body = (name: string) => ({
		name,
		isDefault: false,
		categoryId: category,
		rules: [{ column: "title", relation: "contains", condition: "tee" }],
		shipping: { weightUnit: "KILOGRAM", backupWeight: 0.2 },
	});
	templateA = (await api<Json>(A, "POST", "/api/templates", body("A's"))).body.id;
	templateB = (await api<Json>(B, "POST", "/api/templates", body("B's"))).body.id;
}, 120_000);

const shipping = {
	weightSource: "shopify",
	weightUnit: "KILOGRAM",
	backupWeight: 0.5,
	customWeight: null,
	dimensions: { length: 10, width: 10, height: 10, unit: "CENTIMETER" },
};

/** Every /api route with a valid body and its query parameters; `:id` routes also get odd and foreign ids. */
function routes(): { route: string; body?: () => Record<string, unknown>; query?: string[]; ids?: () => string[] }[] {
	const templateIds = () => [templateA, templateB];
	return [
		{ route: "GET /api/health" },
		{ route: "GET /api/openapi.json" },
		{ route: "POST /api/session", query: ["force"] },
		{ route: "GET /api/import" },
		{ route: "POST /api/import" },
		{ route: "POST /api/tiktok/connect" },
		{ route: "GET /api/tiktok/status" },
		{ route: "GET /api/categories", query: ["keyword", "parentId", "limit"] },
		{ route: "POST /api/categories/recommend", body: () => ({ title: "Soy candle", description: "Lavender" }) },
		{ route: "GET /api/categories/store-recommendation" },
		{ route: "GET /api/categories/:id", ids: () => [category] },
		{
			route: "POST /api/templates/preview",
			body: () => ({ match: "all", rules: [{ column: "title", relation: "contains", condition: "tee" }] }),
			query: ["limit", "cursor", "offset"],
		},
		{ route: "GET /api/templates/overlaps" },
		{ route: "GET /api/templates/:id/preview", ids: templateIds, query: ["limit", "cursor", "offset"] },
		{ route: "GET /api/templates/:id/readiness", ids: templateIds, query: ["dryRun"] },
		{ route: "GET /api/templates/:id/pending", ids: templateIds },
		{ route: "GET /api/templates" },
		{
			route: "POST /api/templates",
			body: () => ({
				name: "Sweep",
				isDefault: false,
				categoryId: null,
				match: "any",
				rules: [{ column: "vendor", relation: "equals", condition: "Acme" }],
				attributes: {},
				shipping,
			}),
		},
		{ route: "POST /api/templates/reorder", body: () => ({ templateIds: [templateA] }) },
		{ route: "GET /api/templates/:id", ids: templateIds },
		{
			route: "PUT /api/templates/:id",
			ids: templateIds,
			body: () => ({
				name: "Renamed",
				categoryId: category,
				rules: [{ column: "title", relation: "contains", condition: "tee" }],
				shipping,
			}),
		},
		{ route: "POST /api/templates/:id/duplicate", ids: templateIds },
		{ route: "GET /api/products", query: ["q", "badge", "templateId", "limit", "offset"] },
		{ route: "GET /api/products/:id", ids: () => [PRODUCT_A, PRODUCT_B] },
		{ route: "POST /api/products/sync", body: () => ({ productIds: [PRODUCT_A], templateId: templateA, categoryId: category, shipping }) },
		{ route: "POST /api/products/resync", body: () => ({ productIds: [PRODUCT_A, PRODUCT_B] }) },
		{ route: "GET /api/linking" },
		{ route: "POST /api/linking/:id", ids: () => ["1729000000000000001"], body: () => ({ action: "link", productId: PRODUCT_A }) },
		{ route: "GET /api/sync/runs" },
		{ route: "GET /api/settings" },
		{ route: "PUT /api/settings", body: () => ({ pushContentEdits: true, unitSystem: "metric" }) },
		{ route: "POST /api/settings/quota/resume" },
		{ route: "POST /api/uploads/image", body: () => ({ file: "x", useCase: "CERTIFICATION_IMAGE" }) },
		{ route: "POST /api/uploads/file", body: () => ({ file: "x" }) },
		// Destructive ones last: they remove what the others use.
		{ route: "POST /api/templates/:id/activate", ids: templateIds },
		{ route: "POST /api/templates/:id/deactivate", ids: templateIds },
		{ route: "DELETE /api/templates/:id", ids: templateIds },
		{ route: "POST /api/tiktok/disconnect" },
	];
}

function requestsFor({ route, body, query, ids }: ReturnType<typeof routes>[number]): HostileRequest[] {
	const [method, template] = route.split(" ");
	const path = template.replace(":id", ids?.()[0] ?? "");
	const requests = [
		...hostileQueries(method, path, query ?? []),
		...(body ? hostileBodies(method, path, body()) : [{ label: "junk body", method, path, body: "{" }]),
	];
	if (template.includes(":id")) {
		requests.push(...hostileIds(method, template, body?.()));
		for (const id of ids?.() ?? [])
			requests.push({ label: `id ${id}`, method, path: template.replace(":id", id), body: body ? JSON.stringify(body()) : undefined });
	}
	return requests;
}

const statuses = new Map<number, number>();

async function send(request: HostileRequest): Promise<string | null> {
	const headers: Record<string, string> = { ...(await sessionFor(A)) };
	if (request.contentType !== null) headers["content-type"] = request.contentType ?? "application/json";
	const hasBody = request.body !== undefined && request.method !== "GET";
	const res = await exports.default.fetch(`http://app.test${request.path}`, {
		method: request.method,
		headers,
		body: hasBody ? request.body : undefined,
	});
	const text = await res.text();
	statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
	const where = `${request.method} ${request.path.slice(0, 80)} [${request.label}] → ${res.status}`;
	if (res.status >= 500) return `${where}: ${text.slice(0, 200)}`;
	if (res.status < 400) return null;
	try {
		const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; requestId?: unknown } };
		const ok =
			typeof error?.code === "string" &&
			typeof error.message === "string" &&
			error.message.length > 0 &&
			typeof error.requestId === "string";
		return ok ? null : `${where}: not the envelope: ${text.slice(0, 200)}`;
	} catch {
		return `${where}: not JSON: ${text.slice(0, 200)}`;
	}
}

describe("hostile input across /api", () => {
	it("covers every /api route the app serves", () => {
		const served = new Set(app.routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/")).map((r) => `${r.method} ${r.path}`));
		expect([...served].sort()).toEqual(
			routes()
				.map((r) => r.route)
				.sort(),
		);
	});

	it("answers every hostile input below 500 with the envelope", { timeout: 600_000 }, async () => {
		const failures: string[] = [];
		let count = 0;
		for (const route of routes()) {
			for (const request of requestsFor(route)) {
				count++;
				const failure = await send(request);
				if (failure) failures.push(failure);
			}
		}
		console.log(
			`hostile sweep: ${count} inputs over ${routes().length} routes, ${failures.length} failures; answers by status ${JSON.stringify(Object.fromEntries(statuses))}`,
		);
		expect(failures.slice(0, 40)).toEqual([]);
		expect(count).toBeGreaterThan(1000);
	});

	it("refuses an attribute keyed __proto__ with the field named, and stores nothing", async () => {
		const before = await env.DB.prepare("SELECT count(*) AS n FROM templates WHERE shop_id = ?").bind(A).first<{ n: number }>();
		const raw = `{"name":"Proto","isDefault":false,"categoryId":"${category}","rules":[{"column":"title","relation":"contains","condition":"x"}],"attributes":{"__proto__":{"source":"fixed","values":[{"name":"x"}]}}}`;
		const res = await exports.default.fetch("http://app.test/api/templates", {
			method: "POST",
			headers: { ...(await sessionFor(A)), "content-type": "application/json" },
			body: raw,
		});
		const json = await res.json<Json>();
		expect(res.status, JSON.stringify(json)).toBe(400);
		expect(json.error.issues.map((i: Json) => i.path)).toEqual(["attributes.__proto__"]);
		const after = await env.DB.prepare("SELECT count(*) AS n FROM templates WHERE shop_id = ?").bind(A).first<{ n: number }>();
		expect(after?.n).toBe(before?.n);
	});

	it("refuses a manual sync with another shop's or an unknown template id", async () => {
		for (const templateId of [templateB, "00000000-0000-4000-8000-000000000000"]) {
			const res = await api<Json>(A, "POST", "/api/products/sync", { productIds: [PRODUCT_A], templateId, categoryId: category, shipping });
			expect(res.status, JSON.stringify(res.body)).toBe(404);
			expect(res.body.error.issues.map((i: Json) => i.path)).toEqual(["templateId"]);
		}
		const runs = await env.DB.prepare("SELECT count(*) AS n FROM sync_runs WHERE shop_id = ? AND kind = 'manual'")
			.bind(A)
			.first<{ n: number }>();
		expect(runs?.n).toBe(0);
	});
});
