/**
 * Create Product refuses what TikTok refuses, with TikTok's codes: category
 * (leaf, known, permitted, v2), attributes (required, conditional, must stay
 * empty, multi-select, custom values), certifications, package weight and size,
 * units, title and description, images, sales attributes, seller SKUs, prices,
 * inventory and size charts. listing_check reports the same failures and never
 * creates anything.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
	POWER_BANK_CATEGORY,
	type Seller,
	attributeByName,
	call,
	knob,
	newSeller,
	pngHeader,
	requiredAttributes,
	uploadImage,
	validTShirt,
} from "./support/tiktok-sandbox-client";

type Body = Record<string, any>;

let seller: Seller;
let tee: Body;

beforeAll(async () => {
	seller = await newSeller();
	tee = await validTShirt(seller);
});

const change = (base: Body, edit: (b: Body) => void): Body => {
	const copy = structuredClone(base);
	edit(copy);
	return copy;
};

async function createCode(body: Body, who: Seller = seller): Promise<number> {
	const res = await call(who, "POST", "/product/202309/products", { json: body });
	return res.body.code;
}

describe("create product validation", () => {
	it("accepts the base body", async () => {
		expect(await createCode(change(tee, (b) => delete b.external_product_id))).toBe(0);
	});

	it.each<[string, number, (b: Body) => void]>([
		["category that is not a leaf", 12052024, (b) => (b.category_id = "842248")],
		["unknown category", 12052025, (b) => (b.category_id = "999999999")],
		["missing category", 12052023, (b) => delete b.category_id],
		["prohibited category", 12052220, (b) => (b.category_id = "865672")],
		["category outside the main category", 12052225, (b) => (b.category_id = "605201")],
		["v1 tree for a US shop", 12052217, (b) => (b.category_version = "v1")],
		["missing required attribute", 12052104, (b) => (b.product_attributes = b.product_attributes.filter((a: Body) => a.id !== "100157"))],
		[
			"two values for a single-select attribute",
			12052246,
			(b) => {
				const sleeve = b.product_attributes.find((a: Body) => a.id !== "100157");
				sleeve.values = [sleeve.values[0], { name: "Other" }];
			},
		],
		[
			"custom value for a non-customizable attribute",
			12052247,
			(b) => (b.product_attributes.find((a: Body) => a.id !== "100157").values = [{ name: "Puffy" }]),
		],
		["unknown attribute value id", 12052529, (b) => (b.product_attributes[0].values = [{ id: "1" }])],
		["zero weight", 12052181, (b) => (b.package_weight = { value: "0", unit: "KILOGRAM" })],
		["four decimals in kilograms", 12019011, (b) => (b.package_weight = { value: "0.2501", unit: "KILOGRAM" })],
		["three decimals in pounds", 12019011, (b) => (b.package_weight = { value: "0.551", unit: "POUND" })],
		["grams in the US", 12019011, (b) => (b.package_weight = { value: "250", unit: "GRAM" })],
		["a weight that is not a number", 12019011, (b) => (b.package_weight = { value: "light", unit: "KILOGRAM" })],
		["fractional dimensions", 12019012, (b) => (b.package_dimensions.length = "30.5")],
		["pounds with centimetres", 12052915, (b) => (b.package_weight = { value: "0.55", unit: "POUND" })],
		["empty title", 12052261, (b) => (b.title = " ")],
		["title over 255 characters", 12052051, (b) => (b.title = "T".repeat(256))],
		["title with an emoji", 12052931, (b) => (b.title = "Cotton Tee 🔥")],
		["title with ten repeated characters", 12052931, (b) => (b.title = "Cotton Tee !!!!!!!!!!")],
		["title with an HTML escape", 12052931, (b) => (b.title = "Cotton&nbsp;Tee")],
		["description over 10,000 characters", 12052013, (b) => (b.description = `<p>${"a b ".repeat(2600)}</p>`)],
		["missing description", 12052015, (b) => (b.description = "")],
		[
			"description image hosted elsewhere",
			12052340,
			(b) => (b.description = '<p>Tee</p><img src="https://cdn.shopify.com/x.png" width="800" height="800">'),
		],
		["description image without size", 12052348, (b) => (b.description = '<p>Tee</p><img src="https://cdn.shopify.com/x.png">')],
		["main image not uploaded to TikTok", 12052300, (b) => (b.main_images = [{ uri: "https://cdn.shopify.com/s/files/tee.png" }])],
		["no main image", 12052028, (b) => (b.main_images = [])],
		["ten main images", 12052306, (b) => (b.main_images = Array.from({ length: 10 }, () => b.main_images[0]))],
		[
			"four sales attributes",
			12052525,
			(b) => {
				for (const sku of b.skus)
					sku.sales_attributes.push(
						{ id: "100000", value_name: "Red" },
						{ name: "Fit", value_name: "Slim" },
						{ name: "Cut", value_name: sku.seller_sku },
					);
			},
		],
		["different sales attributes per SKU", 12052550, (b) => (b.skus[1].sales_attributes = [{ id: "100000", value_name: "Red" }])],
		["seller SKU with a space", 12019059, (b) => (b.skus[0].seller_sku = "TEE S")],
		["seller SKU over 50 characters", 12052054, (b) => (b.skus[0].seller_sku = "S".repeat(51))],
		["negative price", 12052073, (b) => (b.skus[0].price.amount = "-1")],
		["price over the market maximum", 12052570, (b) => (b.skus[0].price.amount = "8000")],
		["another currency", 12052084, (b) => (b.skus[0].price.currency = "EUR")],
		["zero stock on create", 12052055, (b) => (b.skus[0].inventory[0].quantity = 0)],
		["stock over 99,999", 12052055, (b) => (b.skus[0].inventory[0].quantity = 100_000)],
		["a warehouse of another seller", 12052530, (b) => (b.skus[0].inventory[0].warehouse_id = "7000000000000000001")],
		["missing size chart where required", 12052673, (b) => delete b.size_chart],
		[
			"COD where unsupported",
			12052222,
			(b) => {
				b.category_id = "600080"; // Wine Racks: COD not supported in the real rules
			},
		],
	])("refuses %s (%i)", async (_, code, edit) => {
		const body = change(tee, edit);
		if (code === 12052222) {
			body.is_cod_allowed = true;
			body.product_attributes = await requiredAttributes(seller, "600080");
			delete body.size_chart;
			for (const sku of body.skus) sku.sales_attributes = [];
			body.skus = body.skus.slice(0, 1);
		}
		expect(await createCode(change(body, (b) => delete b.external_product_id))).toBe(code);
	});

	it("refuses imperial units outside the US", async () => {
		const gb = await newSeller({ region: "GB" });
		const body = change(await validTShirt(gb), (b) => {
			delete b.category_version;
			b.package_weight = { value: "0.55", unit: "POUND" };
		});
		expect(await createCode(body, gb)).toBe(12019061);
	});
});

describe("conditional attributes and certifications", () => {
	async function powerBank(battery: string, extra: Body[] = []): Promise<Body> {
		const contains = await attributeByName(seller, POWER_BANK_CATEGORY, "Contains Batteries or Cells?");
		const base = await requiredAttributes(seller, POWER_BANK_CATEGORY, [contains.id]);
		const valueId = contains.values.find((v) => v.name === battery)?.id;
		return change(tee, (b) => {
			b.title = "20000mAh Power Bank";
			b.category_id = POWER_BANK_CATEGORY;
			delete b.size_chart;
			delete b.external_product_id;
			b.skus = [{ ...b.skus[0], sales_attributes: [] }];
			b.product_attributes = [...base, { id: contains.id, values: [{ id: valueId }] }, ...extra];
		});
	}

	it("requires Battery Type and Capacity once batteries are declared (12052182), then the conditional certificate (12052105)", async () => {
		const type = await attributeByName(seller, POWER_BANK_CATEGORY, "Battery Type");
		const capacity = await attributeByName(seller, POWER_BANK_CATEGORY, "Battery Capacity (mAh)");
		expect(await createCode(await powerBank("Batteries"))).toBe(12052182);
		const res = await call(seller, "POST", "/product/202309/products", { json: await powerBank("Batteries") });
		expect(res.body.message).toMatch(/field is required as you've selected 'Batteries' for 'Contains Batteries or Cells\?'/);

		const filled = await powerBank("Batteries", [
			{ id: type.id, values: [{ id: type.values[0].id }] },
			{ id: capacity.id, values: [{ name: "20000" }] },
		]);
		expect(await createCode(filled)).toBe(12052105);
		const notNumber = change(filled, (b) => (b.product_attributes.at(-1).values = [{ name: "twenty thousand" }]));
		expect(await createCode(notNumber)).toBe(12052256);

		const rules = await call(seller, "GET", `/product/202309/categories/${POWER_BANK_CATEGORY}/rules`);
		const cert = rules.body.data.product_certifications.find((c: Body) => c.requirement_conditions);
		const image = await uploadImage(seller, pngHeader(600, 600), "CERTIFICATION_IMAGE");
		const certified = change(filled, (b) => (b.certifications = [{ id: cert.id, images: [{ uri: image.body.data.uri }] }]));
		expect(await createCode(certified)).toBe(0);
	});

	it("requires Battery Type to stay empty when there are no batteries (12052183)", async () => {
		const type = await attributeByName(seller, POWER_BANK_CATEGORY, "Battery Type");
		expect(await createCode(await powerBank("None"))).toBe(0);
		const body = await powerBank("None", [{ id: type.id, values: [{ id: type.values[0].id }] }]);
		const res = await call(seller, "POST", "/product/202309/products", { json: body });
		expect(res.body.code).toBe(12052183);
		expect(res.body.message).toContain("should be left empty as you've selected 'None'");
	});

	it("requires the cosmetics certificate with an expiry date", async () => {
		const lipstick = change(tee, (b) => {
			b.title = "Matte Liquid Lipstick";
			b.category_id = "601534";
			delete b.size_chart;
			delete b.external_product_id;
			b.skus = [{ ...b.skus[0], sales_attributes: [{ id: "100000", value_name: "Ruby Red" }] }];
		});
		lipstick.product_attributes = await requiredAttributes(seller, "601534");
		expect(await createCode(lipstick)).toBe(12052105);
		const image = await uploadImage(seller, pngHeader(600, 600), "CERTIFICATION_IMAGE");
		const noExpiry = change(lipstick, (b) => (b.certifications = [{ id: "6956786487312516870", images: [{ uri: image.body.data.uri }] }]));
		expect(await createCode(noExpiry)).toBe(12052385);
		const expiry = Math.floor(Date.now() / 1000) + 365 * 24 * 3600;
		const withExpiry = change(noExpiry, (b) => (b.certifications[0].expiration_date = expiry));
		expect(await createCode(withExpiry)).toBe(0);
	});
});

describe("listing_check", () => {
	it("reports every failure and creates nothing", async () => {
		const other = await newSeller();
		const body = change(await validTShirt(other), (b) => {
			b.title = "";
			b.package_weight.value = "0";
			delete b.size_chart;
		});
		const res = await call(other, "POST", "/product/202309/products/listing_check", { json: body });
		expect(res.body.code).toBe(0);
		expect(res.body.data.check_result).toBe("FAILED");
		expect(res.body.data.fail_reasons.map((f: { code: number }) => f.code)).toEqual(expect.arrayContaining([12052261, 12052181, 12052673]));
		const inspection = await knob("GET", `/sellers/${other.seller_id}/inspect`);
		expect(inspection.body.listings).toEqual([]);
		expect(inspection.body.quota.used).toBe(0);
	});
});
