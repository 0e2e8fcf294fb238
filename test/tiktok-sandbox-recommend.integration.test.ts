/**
 * Recommend Category: a deterministic classifier over title and description that
 * puts obvious products into the right top-level category and returns the path
 * from the root, plus TikTok's documented errors.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Seller, call, newSeller } from "./support/tiktok-sandbox-client";

let seller: Seller;
beforeAll(async () => {
	seller = await newSeller();
});

async function recommend(product_title: string, description = "") {
	return call(seller, "POST", "/product/202309/categories/recommend", { json: { product_title, description, category_version: "v2" } });
}

describe("POST categories/recommend", () => {
	it.each([
		["Organic Cotton Crew T-Shirt", "Womenswear & Underwear|Menswear & Underwear", "T-shirts"],
		["20000mAh Power Bank", "Phones & Electronics", "Power Banks"],
		["Wireless Noise Cancelling Headphones", "Phones & Electronics", "Earphones & Headphones"],
		["Matte Liquid Lipstick", "Beauty & Personal Care", "Lipstick & Lip Gloss"],
		["Lavender Soy Candle", "Home Supplies", "Candles"],
		["Ceramic Coffee Mug 350ml", "Kitchenware", "Mugs"],
		["Durable Rubber Dog Chew Toy", "Pet Supplies", "Dog Toys"],
		["Organic Green Tea 100 Bags", "Food & Beverages", "Tea"],
		["Fleece Pullover Hoodie", "Womenswear & Underwear|Menswear & Underwear", "Hoodies & Jumpers"],
		["Floral Summer Midi Dress", "Womenswear & Underwear", "Casual Dresses"],
		["Slim Fit Stretch Jeans", "Womenswear & Underwear|Menswear & Underwear", "Jeans"],
		["Classic Canvas Sneakers", "Shoes", "Casual Trainers"],
		["Waterproof Laptop Backpack", "Luggage & Bags", "Backpacks"],
		["Clear Shockproof iPhone 15 Case", "Phones & Electronics", "Cases, Screen Protectors & Stickers"],
		["Hydrating Face Cream", "Beauty & Personal Care", "Moisturisers & Mists|Facial Massage Cream"],
		["Non-Slip Yoga Mat 6mm", "Sports & Outdoor", "Yoga & Pilates"],
	])("%s → %s", async (title, root, leaf) => {
		const res = await recommend(title);
		expect(res.body.code, res.text).toBe(0);
		const path = res.body.data.categories as { id: string; name: string; level: number; is_leaf: boolean; permission_statuses: string[] }[];
		expect(root.split("|")).toContain(path[0].name);
		expect(leaf.split("|")).toContain(path.at(-1)?.name);
		expect(path.at(-1)).toMatchObject({ is_leaf: true, id: res.body.data.leaf_category_id });
		expect(path.map((c) => c.level)).toEqual(path.map((_, i) => i + 1));
	});

	it("reports invite-only categories, like the documented Teas sample", async () => {
		const res = await recommend("Earl Grey Black Tea");
		expect(res.body.data.categories.at(-1).permission_statuses).toEqual(["INVITE_ONLY"]);
	});

	it("answers the documented errors", async () => {
		expect((await recommend("qwzx vbnm")).body.code).toBe(12019064);
		expect((await recommend("有机棉T恤")).body.code).toBe(12052266);
		expect((await recommend("Cotton T-Shirt", "<p>柔软</p>")).body.code).toBe(12052351);
		expect((await recommend("")).body.code).toBe(36009004);
		const badImages = await call(seller, "POST", "/product/202309/categories/recommend", {
			json: { product_title: "Cotton T-Shirt", images: [{ uri: "tos-maliva-i-o3syd03w52-us/none" }], category_version: "v2" },
		});
		expect(badImages.body.code).toBe(12019009);
	});
});
