/**
 * The sixteen product types of the generated catalogues (TikTok's sandbox maps
 * them to its categories), each with its Shopify Standard Product Taxonomy
 * category (ids and full names as published in Shopify/product-taxonomy
 * dist/en/categories.txt), its vendors, its variant options, a price band and a
 * typical shipping weight.
 * @see https://github.com/Shopify/product-taxonomy
 */
import type { Category } from "./types";

export type OptionSpec = { name: "Size" | "Color" | "Material"; values: readonly string[]; max: number };

export type ProductTypeSpec = {
	name: string;
	code: string;
	category: Category;
	vendors: readonly string[];
	options: readonly OptionSpec[];
	price: [number, number];
	grams: number;
};

const cat = (id: string, fullName: string): Category => ({
	id: `gid://shopify/TaxonomyCategory/${id}`,
	name: fullName.slice(fullName.lastIndexOf(" > ") + 3),
	fullName,
});

const APPAREL_SIZES = ["XS", "S", "M", "L", "XL", "XXL", "3XL"] as const;
const BASIC_COLORS = [
	"Black",
	"White",
	"Heather Grey",
	"Navy",
	"Olive",
	"Sand",
	"Burgundy",
	"Sky Blue",
	"Forest Green",
	"Rust",
	"Charcoal",
	"Cream",
	"Lavender",
	"Mustard",
] as const;
const FABRICS = ["Organic Cotton", "Cotton Blend", "Recycled Polyester"] as const;

export const PRODUCT_TYPES: readonly ProductTypeSpec[] = [
	{
		name: "T-Shirts",
		code: "TSH",
		category: cat("aa-1-13-8", "Apparel & Accessories > Clothing > Clothing Tops > T-Shirts"),
		vendors: ["Northwind Outfitters", "Urban Thread Co."],
		price: [14, 39],
		grams: 180,
		options: [
			{ name: "Size", values: APPAREL_SIZES, max: 6 },
			{ name: "Color", values: BASIC_COLORS, max: 5 },
			{ name: "Material", values: FABRICS, max: 1 },
		],
	},
	{
		name: "Hoodies",
		code: "HOD",
		category: cat("aa-1-13-13", "Apparel & Accessories > Clothing > Clothing Tops > Hoodies"),
		vendors: ["Northwind Outfitters", "Urban Thread Co.", "Trailhead Gear"],
		price: [39, 89],
		grams: 620,
		options: [
			{ name: "Size", values: APPAREL_SIZES, max: 6 },
			{ name: "Color", values: BASIC_COLORS, max: 4 },
			{ name: "Material", values: FABRICS, max: 2 },
		],
	},
	{
		name: "Dresses",
		code: "DRS",
		category: cat("aa-1-4", "Apparel & Accessories > Clothing > Dresses"),
		vendors: ["Urban Thread Co.", "Willow & Lane"],
		price: [45, 149],
		grams: 340,
		options: [
			{ name: "Size", values: ["XS", "S", "M", "L", "XL"], max: 5 },
			{ name: "Color", values: ["Black", "Ivory", "Sage", "Dusty Rose", "Cobalt", "Floral Print"], max: 4 },
			{ name: "Material", values: ["Linen", "Viscose", "Cotton Poplin"], max: 1 },
		],
	},
	{
		name: "Jeans",
		code: "JNS",
		category: cat("aa-1-12-4", "Apparel & Accessories > Clothing > Pants > Jeans"),
		vendors: ["Northwind Outfitters", "Willow & Lane"],
		price: [49, 129],
		grams: 720,
		options: [
			{ name: "Size", values: ["26", "28", "30", "32", "34", "36", "38", "40"], max: 6 },
			{ name: "Color", values: ["Indigo", "Light Wash", "Black", "Stone"], max: 3 },
			{ name: "Material", values: ["Rigid Denim", "Stretch Denim"], max: 1 },
		],
	},
	{
		name: "Sneakers",
		code: "SNK",
		category: cat("aa-8-8", "Apparel & Accessories > Shoes > Sneakers"),
		vendors: ["Stride Lab", "Trailhead Gear"],
		price: [59, 169],
		grams: 880,
		options: [
			{ name: "Size", values: ["US 6", "US 7", "US 8", "US 9", "US 10", "US 11", "US 12", "US 13"], max: 8 },
			{ name: "Color", values: ["Triple White", "Black/Gum", "Grey/Volt", "Navy/White"], max: 3 },
		],
	},
	{
		name: "Backpacks",
		code: "BPK",
		category: cat("lb-1", "Luggage & Bags > Backpacks"),
		vendors: ["Trailhead Gear", "Urban Thread Co."],
		price: [39, 159],
		grams: 1100,
		options: [
			{ name: "Color", values: ["Black", "Olive", "Slate Blue", "Sand", "Rust"], max: 4 },
			{ name: "Size", values: ["20 L", "28 L", "35 L"], max: 3 },
			{ name: "Material", values: ["Recycled Nylon", "Waxed Canvas"], max: 2 },
		],
	},
	{
		name: "Phone Cases",
		code: "PHC",
		category: cat("el-4-8-4-2", "Electronics > Communications > Telephony > Mobile & Smart Phone Accessories > Mobile Phone Cases"),
		vendors: ["Pixel Guard", "VoltEdge"],
		price: [15, 49],
		grams: 40,
		options: [
			{ name: "Size", values: ["iPhone 15", "iPhone 15 Pro", "iPhone 16", "iPhone 16 Pro Max", "Galaxy S24", "Pixel 9"], max: 6 },
			{ name: "Color", values: ["Clear", "Black", "Midnight Blue", "Sage", "Blush"], max: 4 },
			{ name: "Material", values: ["Silicone", "TPU", "Leather"], max: 1 },
		],
	},
	{
		name: "Power Banks",
		code: "PWB",
		category: cat("el-7-15-5-1", "Electronics > Electronics Accessories > Power > Power Adapters & Chargers > Power Banks"),
		vendors: ["VoltEdge", "Pixel Guard"],
		price: [25, 89],
		grams: 380,
		options: [{ name: "Color", values: ["Black", "White", "Graphite", "Blue"], max: 4 }],
	},
	{
		name: "Headphones",
		code: "HPH",
		category: cat("el-2-2-7-1", "Electronics > Audio > Audio Components > Headphones & Headsets > Headphones"),
		vendors: ["Lumen Audio", "VoltEdge"],
		price: [29, 249],
		grams: 260,
		options: [{ name: "Color", values: ["Matte Black", "Silver", "Midnight Blue", "Sand", "Sage"], max: 4 }],
	},
	{
		name: "Lipstick",
		code: "LIP",
		category: cat("hb-3-2-6-5-6", "Health & Beauty > Personal Care > Cosmetics > Makeup > Lip Makeup > Lipsticks"),
		vendors: ["Glow Botanics", "Velvet Muse Cosmetics"],
		price: [12, 38],
		grams: 25,
		options: [
			{
				name: "Color",
				values: [
					"Ruby Red",
					"Nude Beige",
					"Rosewood",
					"Coral Crush",
					"Berry Bliss",
					"Mauve Mist",
					"Brick",
					"Plum",
					"Peach Fizz",
					"Classic Pink",
				],
				max: 10,
			},
			{ name: "Material", values: ["Matte", "Satin", "Gloss"], max: 3 },
		],
	},
	{
		name: "Face Cream",
		code: "FCR",
		category: cat("hb-3-2-9-20", "Health & Beauty > Personal Care > Cosmetics > Skin Care > Face Moisturizers"),
		vendors: ["Glow Botanics", "Velvet Muse Cosmetics"],
		price: [18, 79],
		grams: 120,
		options: [{ name: "Size", values: ["15 ml", "30 ml", "50 ml", "100 ml"], max: 3 }],
	},
	{
		name: "Candles",
		code: "CND",
		category: cat("hg-3-40-2", "Home & Garden > Decor > Home Fragrances > Candles"),
		vendors: ["Hearth & Wick", "Stoneware Studio"],
		price: [16, 54],
		grams: 420,
		options: [
			{ name: "Size", values: ["4 oz", "8 oz", "12 oz", "16 oz"], max: 3 },
			{ name: "Material", values: ["Soy Wax", "Coconut Wax", "Beeswax"], max: 2 },
		],
	},
	{
		name: "Mugs",
		code: "MUG",
		category: cat("hg-11-10-5-5", "Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs"),
		vendors: ["Stoneware Studio", "Hearth & Wick"],
		price: [12, 36],
		grams: 360,
		options: [
			{ name: "Color", values: ["Speckled White", "Ocean Blue", "Matte Black", "Terracotta", "Moss"], max: 5 },
			{ name: "Size", values: ["10 oz", "12 oz", "16 oz"], max: 2 },
		],
	},
	{
		name: "Yoga Mats",
		code: "YGM",
		category: cat("sg-2-26-3", "Sporting Goods > Fitness & General Exercise Equipment > Yoga & Pilates > Yoga & Pilates Mats"),
		vendors: ["ZenFlow Athletics", "Trailhead Gear"],
		price: [29, 119],
		grams: 1250,
		options: [
			{ name: "Color", values: ["Plum", "Ocean", "Slate", "Sage", "Charcoal"], max: 5 },
			{ name: "Size", values: ["4 mm", "6 mm", "8 mm"], max: 3 },
			{ name: "Material", values: ["Natural Rubber", "TPE", "Cork"], max: 1 },
		],
	},
	{
		name: "Dog Toys",
		code: "DGT",
		category: cat("ap-2-3-7", "Animals & Pet Supplies > Pet Supplies > Dog Supplies > Dog Toys"),
		vendors: ["Happy Paws", "Trailhead Gear"],
		price: [8, 32],
		grams: 150,
		options: [
			{ name: "Size", values: ["Small", "Medium", "Large", "XL"], max: 4 },
			{ name: "Color", values: ["Red", "Blue", "Green", "Orange"], max: 3 },
		],
	},
	{
		name: "Tea",
		code: "TEA",
		category: cat("fb-1-14-2", "Food, Beverages & Tobacco > Beverages > Tea & Infusions > Tea"),
		vendors: ["Leaf & Kettle", "Hearth & Wick"],
		price: [9, 42],
		grams: 110,
		options: [{ name: "Size", values: ["50 g", "100 g", "250 g", "500 g"], max: 4 }],
	},
];
