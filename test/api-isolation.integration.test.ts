/**
 * Tenant isolation and bad input across the /api surface. The shop a request may
 * see or change is the one in its session token: shop B cannot read or change
 * shop A's templates, products or settings. Every bad request (no token, a
 * malformed body, unknown ids) gets a 4xx with the one error envelope and
 * changes nothing.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertProduct } from "../worker/catalog/product-repo";
import { createDb } from "../worker/db/client";
import { makeProduct, makeVariant } from "./support/catalog";
import { seedInstalledShop, sessionFor, shopRowCounts } from "./support/shopify";
import { api, type Json, plainLeaf } from "./support/sync";
import { connectTikTokShop } from "./support/tiktok";

const A = "isolation-a.myshopify.com";
const B = "isolation-b.myshopify.com";
let templateA: string;
const productA = "5550000000001";

async function snapshot() {
	return {
		a: await shopRowCounts(A),
		b: await shopRowCounts(B),
		templateA: await env.DB.prepare("SELECT name, version, is_active FROM templates WHERE shop_id = ? AND id = ?")
			.bind(A, templateA)
			.first(),
	};
}

beforeAll(async () => {
	for (const shop of [A, B]) {
		await seedInstalledShop(shop);
		await connectTikTokShop(shop);
	}
	const db = createDb(env.DB);
	await upsertProduct(db, A, makeProduct({ id: productA, variants: [makeVariant({ id: "5550000000011" })] }), Date.now());
	await upsertProduct(db, B, makeProduct({ id: "5550000000002", variants: [makeVariant({ id: "5550000000012" })] }), Date.now());
	const category = await plainLeaf(A, "candle");
	const created = await api<Json>(A, "POST", "/api/templates", {
		name: "A's default",
		categoryId: category,
		shipping: { weightUnit: "KILOGRAM", backupWeight: 0.2 },
	});
	expect(created.status, JSON.stringify(created.body)).toBe(201);
	templateA = created.body.id;
}, 60_000);

const ROUTES: [string, string, unknown?][] = [
	["GET", "/api/templates"],
	["POST", "/api/templates", { name: "x" }],
	["GET", "/api/products"],
	["GET", "/api/settings"],
	["GET", "/api/sync/runs"],
	["GET", "/api/categories"],
	["GET", "/api/import"],
	["GET", "/api/tiktok/status"],
	["POST", "/api/tiktok/connect"],
	["POST", "/api/session"],
];

describe("authentication", () => {
	it("every /api route refuses a request without a session token (401, envelope, nothing stored)", async () => {
		const before = await snapshot();
		for (const [method, path, body] of ROUTES) {
			const res = await exports.default.fetch(`http://app.test${path}`, {
				method,
				headers: { "content-type": "application/json" },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const json = await res.json<{ error: { code: string; message: string } }>();
			expect(res.status, `${method} ${path}`).toBe(401);
			expect(json.error.code).toBe("UNAUTHORIZED");
			expect(JSON.stringify(json)).not.toMatch(/stack|at \w+ \(/);
		}
		expect(await snapshot()).toEqual(before);
	});
});

describe("shop B and shop A's data", () => {
	it("B's lists never show A's templates or products", async () => {
		const templates = await api<{ templates: Json[] }>(B, "GET", "/api/templates");
		expect(templates.body.templates.map((t) => t.id)).not.toContain(templateA);
		const products = await api<{ products: Json[] }>(B, "GET", "/api/products?limit=100");
		expect(products.body.products.map((p) => p.id)).not.toContain(productA);
	});

	it("B cannot read, change, activate, duplicate or delete A's template, nor read or sync A's product", async () => {
		const before = await snapshot();
		const category = await plainLeaf(B, "candle");
		const attempts: [string, string, unknown?][] = [
			["GET", `/api/templates/${templateA}`],
			[
				"PUT",
				`/api/templates/${templateA}`,
				{ name: "taken", categoryId: category, shipping: { weightUnit: "KILOGRAM", backupWeight: 1 } },
			],
			["POST", `/api/templates/${templateA}/activate`],
			["POST", `/api/templates/${templateA}/deactivate`],
			["POST", `/api/templates/${templateA}/duplicate`],
			["GET", `/api/templates/${templateA}/readiness`],
			["GET", `/api/templates/${templateA}/pending`],
			["DELETE", `/api/templates/${templateA}`],
			["GET", `/api/products/${productA}`],
		];
		for (const [method, path, body] of attempts) {
			const res = await api<{ error: { code: string } }>(B, method, path, body);
			expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(404);
			expect(res.body.error.code).toBe("NOT_FOUND");
		}
		const reorder = await api(B, "POST", "/api/templates/reorder", { templateIds: [templateA] });
		expect(reorder.status).toBe(400);
		const sync = await api<{ queued: number }>(B, "POST", "/api/products/sync", {
			productIds: [productA],
			categoryId: category,
			shipping: { weightUnit: "KILOGRAM", backupWeight: 1 },
		});
		expect(sync.body.queued ?? 0).toBe(0);
		const resync = await api<{ queued: number }>(B, "POST", "/api/products/resync", { productIds: [productA] });
		expect(resync.body.queued ?? 0).toBe(0);
		const after = await snapshot();
		expect(after.a).toEqual(before.a);
		expect(after.templateA).toEqual(before.templateA);
		const productRow = await env.DB.prepare("SELECT sync_state, run_id FROM product_sync WHERE shop_id = ? AND product_id = ?")
			.bind(A, productA)
			.first();
		expect(productRow).toEqual({ sync_state: "not_synced", run_id: null });
	});
});

describe("bad input", () => {
	const bad: [string, string, string | undefined, number][] = [
		["POST", "/api/templates", "{not json", 400],
		["POST", "/api/templates", JSON.stringify({ name: "" }), 400],
		["POST", "/api/templates", JSON.stringify({ name: "x", shipping: { weightUnit: "STONE" } }), 400],
		["POST", "/api/templates", JSON.stringify({ name: "x", rules: "all" }), 400],
		["PUT", "/api/templates/not-a-uuid", JSON.stringify({ name: "x" }), 400],
		["POST", "/api/templates/reorder", JSON.stringify({ templateIds: [] }), 400],
		["POST", "/api/templates/preview", JSON.stringify({ match: "some", rules: [] }), 400],
		[
			"POST",
			"/api/templates/preview",
			JSON.stringify({ match: "all", rules: [{ column: "vendor", relation: "greater_than", condition: "x" }] }),
			422,
		],
		["GET", "/api/templates/preview?limit=1000", undefined, 400],
		["GET", "/api/products?limit=0", undefined, 400],
		["GET", "/api/products?badge=lost", undefined, 400],
		["GET", "/api/products/abc", undefined, 400],
		["POST", "/api/products/sync", JSON.stringify({ productIds: [] }), 400],
		["POST", "/api/products/resync", JSON.stringify({ productIds: ["x y"] }), 400],
		["PUT", "/api/settings", JSON.stringify({ unitSystem: "nautical" }), 400],
		["POST", "/api/categories/recommend", JSON.stringify({ title: "" }), 400],
		["GET", "/api/categories/not-a-number", undefined, 400],
		["POST", "/api/uploads/file", undefined, 400],
		["GET", "/api/nothing-here", undefined, 404],
	];
	it("every bad request gets a 4xx with the error envelope, and nothing changes", async () => {
		const before = await snapshot();
		for (const [method, path, body, status] of bad) {
			const res = await exports.default.fetch(`http://app.test${path}`, {
				method,
				headers: { ...(await sessionFor(A)), "content-type": "application/json" },
				body,
			});
			const json = await res.json<{ error: { code: string; message: string; requestId?: string } }>();
			expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBe(status);
			expect(typeof json.error.code, `${method} ${path}`).toBe("string");
			expect(json.error.message.length).toBeGreaterThan(0);
			expect(res.headers.get("content-type")).toContain("application/json");
		}
		expect(await snapshot()).toEqual(before);
	});

	it("a body over the size limit is refused with 413", async () => {
		const res = await exports.default.fetch("http://app.test/api/templates", {
			method: "POST",
			headers: { ...(await sessionFor(A)), "content-type": "application/json" },
			body: JSON.stringify({ name: "x".repeat(2_000_000) }),
		});
		expect(res.status).toBe(413);
		expect((await res.json<{ error: { code: string } }>()).error.code).toBe("PAYLOAD_TOO_LARGE");
	});
});
