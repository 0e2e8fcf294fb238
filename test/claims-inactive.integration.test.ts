/**
 * An inactive template keeps its products, through the real Worker, D1, Queue
 * and both sandboxes: with "Mugs" (a rule template) inactive and the default
 * active, the default's activation leaves the mugs alone, a new mug arriving by
 * webhook is queued by nobody and shows as "Mugs, manual sync only" (in the
 * products list, its template filter and its manual sync form), and
 * deactivating Mugs after its own activation does not hand its mugs to the default.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { replayDelivery, runQueuedJobs, sandbox, sandboxDeliveries, spyOnSyncQueue } from "./support/shopify";
import { api, type Json, plainLeaf, settled, setUpShop, type SyncShop, syncRows, templateBodyFor } from "./support/sync";

type Product = {
	id: string;
	productType: string;
	status: string;
	claimedBy: { id: string; name: string; isActive: boolean; label: string } | null;
};

let ctx: SyncShop;
let mugType: string;
let mugs: string;
let fallback: string;
let listable: Product[];

const productsOf = async (query = "") =>
	(await api<{ products: Product[] }>(ctx.shop, "GET", `/api/products?limit=100${query}`)).body.products;
const ids = (products: Product[]) => products.map((p) => p.id).sort();
const mugIds = (products: Product[]) => ids(products.filter((p) => p.productType === mugType && p.status === "active"));
const otherIds = (products: Product[]) => ids(products.filter((p) => p.productType !== mugType && p.status === "active"));
const countOf = async (id: string) =>
	(await api<{ templates: Json[] }>(ctx.shop, "GET", "/api/templates")).body.templates.find((t) => t.id === id)?.productCount;

beforeAll(async () => {
	ctx = await setUpShop("claims-inactive", { productCount: 12 });
	const all = await productsOf();
	listable = all.filter((p) => p.status === "active");
	// The most common product type plays the mugs, so both templates have products to claim.
	const types = Map.groupBy(listable, (p) => p.productType);
	mugType = [...types.entries()].sort((a, b) => b[1].length - a[1].length)[0][0];
	const category = await plainLeaf(ctx.shop, "candle");
	const rules = [{ column: "product_type", relation: "equals", condition: mugType }];
	const created = await api(ctx.shop, "POST", "/api/templates", {
		...(await templateBodyFor(ctx.shop, category)),
		name: "Mugs",
		isDefault: false,
		match: "all",
		rules,
	});
	expect(created.status, JSON.stringify(created.body)).toBe(201);
	mugs = created.body.id;
	const byDefault = await api(ctx.shop, "POST", "/api/templates", {
		...(await templateBodyFor(ctx.shop, category)),
		name: "Default",
		isDefault: true,
	});
	expect(byDefault.status, JSON.stringify(byDefault.body)).toBe(201);
	fallback = byDefault.body.id;
	expect(mugIds(listable).length).toBeGreaterThan(0);
	expect(otherIds(listable).length).toBeGreaterThan(0);
}, 120_000);

afterEach(() => {
	vi.restoreAllMocks();
});

describe("an inactive template keeps its products", () => {
	it("the default's counts and activation leave an inactive template's products out", async () => {
		expect((await api<{ willSync: number }>(ctx.shop, "GET", `/api/templates/${fallback}/pending`)).body.willSync).toBe(
			otherIds(listable).length,
		);
		expect(await countOf(fallback)).toBe(otherIds(listable).length);
		const readiness = await api<{ total: number }>(ctx.shop, "GET", `/api/templates/${fallback}/readiness?dryRun=false`);
		expect(readiness.body.total, JSON.stringify(readiness.body)).toBe(otherIds(listable).length);
		const activated = await api<{ queued: number }>(ctx.shop, "POST", `/api/templates/${fallback}/activate`);
		expect(activated.status, JSON.stringify(activated.body)).toBe(202);
		expect(activated.body.queued).toBe(otherIds(listable).length);
		const rows = await settled(ctx.shop);
		const touched = rows
			.filter((r) => r.sync_state !== "not_synced")
			.map((r) => r.product_id)
			.sort();
		expect(touched).toEqual(otherIds(listable));
		const shown = await productsOf();
		for (const p of shown.filter((p) => p.productType === mugType)) expect(p.claimedBy?.label, p.id).toBe("Mugs, manual sync only");
		expect(ids(await productsOf(`&templateId=${mugs}`))).toEqual(mugIds(listable));
	});

	it("a new mug from a Shopify webhook is queued by nobody and shows as Mugs, manual sync only", async () => {
		// Activating again changes nothing when the first test ran; it makes this test stand alone when that one failed.
		expect((await api(ctx.shop, "POST", `/api/templates/${fallback}/activate`)).status).toBe(202);
		await settled(ctx.shop);
		const created = await sandbox().createProduct(ctx.shop, {
			title: "Speckled Stoneware Mug",
			descriptionHtml: "<p>Holds 350 ml.</p>",
			vendor: "Clay Co",
			productType: mugType,
			tags: ["kitchen"],
			optionNames: ["Title"],
			variants: [{ options: ["Default Title"], price: "14.00", sku: "MUG-SPECKLED", inventoryQuantity: 9 }],
			images: [{ width: 800, height: 800 }],
		});
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		const gid: string = created.body.product.id;
		const id = gid.split("/").pop()!;
		const [delivery] = (await sandboxDeliveries(ctx.shop, { topic: "products/create" })).filter(
			(d) => JSON.parse(d.body).admin_graphql_api_id === gid,
		);
		const queue = spyOnSyncQueue();
		expect((await replayDelivery(delivery)).status).toBe(200);
		const ran = await runQueuedJobs(queue, ["product.complete", "product.changed", "sync.product"]);
		// The product did reach the claim decision, and nothing came of it.
		expect(ran.filter((r) => r.body.type === "product.changed" && r.acked)).toHaveLength(1);
		expect(queue.messages().filter((m) => m.type === "sync.product")).toEqual([]);
		expect((await syncRows(ctx.shop)).find((r) => r.product_id === id)?.sync_state).toBe("not_synced");

		const shown = (await productsOf()).find((p) => p.id === id);
		expect(shown?.claimedBy).toEqual({ id: mugs, name: "Mugs", isActive: false, label: "Mugs, manual sync only" });
		expect(ids(await productsOf(`&templateId=${mugs}`))).toContain(id);
		expect(ids(await productsOf(`&templateId=${fallback}`))).not.toContain(id);
		const one = await api<{ form: { templateId: string | null; templateName: string | null } }>(ctx.shop, "GET", `/api/products/${id}`);
		expect(one.body.form).toMatchObject({ templateId: mugs, templateName: "Mugs" });
	});

	it("deactivating Mugs after its activation leaves its products out of the default's claim", async () => {
		listable = (await productsOf()).filter((p) => p.status === "active");
		expect((await api(ctx.shop, "POST", `/api/templates/${mugs}/activate`)).status).toBe(202);
		await settled(ctx.shop);
		for (const p of (await productsOf()).filter((p) => p.productType === mugType))
			expect(p.claimedBy, p.id).toMatchObject({ id: mugs, isActive: true });
		expect((await api(ctx.shop, "POST", `/api/templates/${mugs}/deactivate`)).status).toBe(200);

		expect(await countOf(fallback)).toBe(otherIds(listable).length);
		expect(ids(await productsOf(`&templateId=${fallback}`))).toEqual(otherIds(listable));
		for (const p of (await productsOf()).filter((p) => p.productType === mugType))
			expect(p.claimedBy?.label, p.id).toBe("Mugs, manual sync only");
		const again = await api<{ queued: number }>(ctx.shop, "POST", `/api/templates/${fallback}/activate`);
		expect(again.body.queued).toBe(0);
	});
});
