/**
 * The sandbox's category tree, attributes and rules: a tree of real TikTok ids and
 * English names, large enough (≥300 categories, ≥150 leaves, ≥15 roots), fully
 * connected, with every permission status, and attributes and rules on every leaf.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Seller, T_SHIRT_CATEGORY, call, newSeller } from "./support/tiktok-sandbox-client";

type Category = { id: string; parent_id: string; local_name: string; is_leaf: boolean; permission_statuses: string[] };

let seller: Seller;
let categories: Category[];

beforeAll(async () => {
	seller = await newSeller();
	const res = await call<{ categories: Category[] }>(seller, "GET", "/product/202309/categories", {
		query: { category_version: "v2", locale: "en-US" },
	});
	expect(res.body.code, res.text.slice(0, 300)).toBe(0);
	categories = res.body.data.categories;
});

describe("GET categories", () => {
	it("is a consistent tree of the required size", () => {
		const byId = new Map(categories.map((c) => [c.id, c]));
		const leaves = categories.filter((c) => c.is_leaf);
		expect(categories.length).toBeGreaterThanOrEqual(300);
		expect(leaves.length).toBeGreaterThanOrEqual(150);
		expect(categories.filter((c) => c.parent_id === "0").length).toBeGreaterThanOrEqual(15);
		for (const c of categories) {
			if (c.parent_id !== "0") expect(byId.get(c.parent_id)?.is_leaf, `parent of ${c.id}`).toBe(false);
			expect(c.is_leaf).toBe(!categories.some((x) => x.parent_id === c.id));
		}
		const depth = (c: Category): number => (c.parent_id === "0" ? 1 : 1 + depth(byId.get(c.parent_id) as Category));
		expect(Math.max(...leaves.map(depth))).toBeGreaterThanOrEqual(6);
		expect(categories.some((c) => /test/i.test(c.local_name) && /PPE|Category L/.test(c.local_name))).toBe(false);
	});

	it("carries every permission status", () => {
		const statuses = new Set(categories.flatMap((c) => c.permission_statuses));
		expect([...statuses].sort()).toEqual(["AVAILABLE", "INVITE_ONLY", "NON_MAIN_CATEGORY", "PROHIBITED"]);
		expect(categories.find((c) => c.id === "916488")).toMatchObject({
			local_name: "Tea",
			is_leaf: true,
			permission_statuses: ["INVITE_ONLY"],
		});
		expect(categories.find((c) => c.id === T_SHIRT_CATEGORY)).toMatchObject({ local_name: "T-shirts", parent_id: "842248" });
	});

	it("filters by keyword and insists on v2 for US shops", async () => {
		const res = await call<{ categories: Category[] }>(seller, "GET", "/product/202309/categories", { query: { keyword: "power bank" } });
		expect(res.body.data.categories.map((c) => c.id)).toContain("910728");
		const v1 = await call(seller, "GET", "/product/202309/categories", { query: { category_version: "v1" } });
		expect(v1.body.code).toBe(12052217);
	});

	it("has attributes and rules on every leaf it is asked about", async () => {
		const leaves = categories.filter((c) => c.is_leaf);
		const sample = leaves.filter((_, i) => i % Math.ceil(leaves.length / 25) === 0);
		for (const leaf of sample) {
			const attrs = await call(seller, "GET", `/product/202309/categories/${leaf.id}/attributes`);
			expect(attrs.body.code, `${leaf.id} ${attrs.text.slice(0, 200)}`).toBe(0);
			expect(attrs.body.data.attributes.some((a: { is_requried: boolean }) => a.is_requried)).toBe(true);
			const rules = await call(seller, "GET", `/product/202309/categories/${leaf.id}/rules`);
			expect(Object.keys(rules.body.data).sort()).toEqual([
				"cod",
				"epr",
				"manufacturer",
				"package_dimension",
				"product_certifications",
				"responsible_person",
				"size_chart",
			]);
		}
		const parent = categories.find((c) => !c.is_leaf) as Category;
		expect((await call(seller, "GET", `/product/202309/categories/${parent.id}/attributes`)).body.code).toBe(12052024);
	});
});

describe("attributes and rules", () => {
	it("gives apparel the real Colour and Size sales properties and required product properties", async () => {
		const res = await call(seller, "GET", `/product/202309/categories/${T_SHIRT_CATEGORY}/attributes`);
		const attrs = res.body.data.attributes as { id: string; name: string; type: string; is_requried: boolean }[];
		expect(attrs.filter((a) => a.type === "SALES_PROPERTY").map((a) => [a.id, a.name])).toEqual([
			["100000", "Colour"],
			["100007", "Size"],
		]);
		expect(attrs.find((a) => a.id === "100157")).toMatchObject({ name: "Material", type: "PRODUCT_PROPERTY", is_requried: true });
		const rules = await call(seller, "GET", `/product/202309/categories/${T_SHIRT_CATEGORY}/rules`);
		expect(rules.body.data.size_chart).toEqual({ is_supported: true, is_required: true });
	});

	it("gives battery electronics a conditional Battery Type and a conditional certificate", async () => {
		const res = await call(seller, "GET", "/product/202309/categories/910728/attributes");
		const attrs = res.body.data.attributes as { id: string; name: string; is_requried: boolean; requirement_conditions?: unknown[] }[];
		expect(attrs.find((a) => a.id === "101610")).toMatchObject({ name: "Contains Batteries or Cells?", is_requried: true });
		expect(attrs.find((a) => a.name === "Battery Type")).toMatchObject({
			is_requried: false,
			requirement_conditions: expect.arrayContaining([
				{ condition_type: "VALUE_ID_MATCH", attribute_id: "101610", attribute_value_id: "1024358" },
			]),
		});
		const rules = await call(seller, "GET", "/product/202309/categories/910728/rules");
		expect(rules.body.data.product_certifications).toContainEqual(
			expect.objectContaining({
				is_required: false,
				requirement_conditions: [{ condition_type: "VALUE_ID_MATCH", attribute_id: "101610", attribute_value_id: "1024358" }],
			}),
		);
	});

	it("requires a certificate with expiry for cosmetics, and offers multi-select, customizable attributes", async () => {
		const rules = await call(seller, "GET", "/product/202309/categories/601534/rules");
		expect(rules.body.data.product_certifications).toContainEqual(
			expect.objectContaining({
				id: "6956786487312516870",
				name: "BPOM Certificate",
				is_required: true,
				expiration_date: { is_required: true },
			}),
		);
		const attrs = await call(seller, "GET", "/product/202309/categories/601615/attributes");
		expect(attrs.body.data.attributes).toContainEqual(
			expect.objectContaining({ name: "Benefits", is_multiple_selection: true, is_customizable: true }),
		);
	});
});
