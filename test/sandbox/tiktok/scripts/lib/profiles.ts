/**
 * Which attributes each leaf category gets. A leaf's English path picks a
 * profile (apparel, footwear, electronics, makeup, food, ...); a few leaf-name
 * keywords add specific attributes (Sleeve Length on tops, Battery Capacity on
 * power banks, Scent on candles, Tea Type on tea). On top of the profile's
 * required attributes, about a third of the leaves get one more required
 * attribute, chosen by a hash of the leaf id, so templates really differ per
 * category while the data stays deterministic.
 */
import { fnv1a } from "./ids.ts";

/** [attribute key, required]. */
export type LeafAttribute = [string, boolean];

type Profile = { sales: string[]; required: string[]; optional: string[] };

const BATTERY = ["has_battery", "battery_type", "battery_capacity"];

const PROFILES: Record<string, Profile> = {
	apparel: {
		sales: ["colour", "size"],
		required: ["material_apparel"],
		optional: [
			"pattern",
			"style_apparel",
			"season",
			"stretch",
			"size_type",
			"washing",
			"qty_pack",
			"design",
			"occasion",
			"neckline",
			"country_of_origin",
		],
	},
	footwear: {
		sales: ["colour", "shoe_size"],
		required: ["upper_material"],
		optional: ["sole_material", "closure_shoe", "toe_shape", "season", "style_apparel", "occasion", "country_of_origin"],
	},
	bags: {
		sales: ["colour"],
		required: ["material_bags"],
		optional: ["closure_bags", "capacity_l", "laptop_compartment", "waterproof", "style_apparel", "country_of_origin"],
	},
	electronics: {
		sales: ["colour", "specification"],
		required: ["has_battery"],
		optional: [
			"battery_type",
			"battery_capacity",
			"warranty",
			"connectivity",
			"compatible_devices",
			"model_number",
			"power_source",
			"country_of_origin",
		],
	},
	phone_case: {
		sales: ["colour"],
		required: ["compatible_phones"],
		optional: ["material_case", "case_type", "qty_pack", "country_of_origin"],
	},
	makeup: {
		sales: ["colour"],
		required: ["formulation"],
		optional: ["finish", "skin_type", "benefits", "ingredients", "net_weight_g", "cruelty_free", "shelf_life", "country_of_origin"],
	},
	skincare: {
		sales: [],
		required: ["formulation", "skin_type"],
		optional: ["benefits", "ingredients", "volume_ml", "cruelty_free", "shelf_life", "country_of_origin"],
	},
	personal_care: {
		sales: [],
		required: ["formulation"],
		optional: ["skin_type", "benefits", "ingredients", "volume_ml", "cruelty_free", "shelf_life", "country_of_origin"],
	},
	food: {
		sales: [],
		required: ["net_weight_g", "storage", "shelf_life_food", "country_of_origin"],
		optional: ["flavour", "dietary", "allergens", "packaging", "manufacturer_name", "manufacturer_address"],
	},
	home: {
		sales: ["colour"],
		required: ["material_home"],
		optional: ["style_home", "room", "occasion", "qty_pack", "country_of_origin"],
	},
	kitchen: {
		sales: ["colour"],
		required: ["material_kitchen"],
		optional: ["dishwasher_safe", "microwave_safe", "style_home", "occasion", "qty_pack", "country_of_origin"],
	},
	pet: {
		sales: ["colour", "size"],
		required: ["pet_type"],
		optional: ["pet_size", "material_pet", "qty_pack", "country_of_origin"],
	},
	sports: {
		sales: ["colour"],
		required: ["material_sports"],
		optional: ["sport_type", "qty_pack", "country_of_origin"],
	},
	toys: {
		sales: ["colour"],
		required: ["age_range"],
		optional: ["material_toys", "qty_pack", "country_of_origin"],
	},
	jewellery: {
		sales: ["colour", "size"],
		required: ["material_jewellery"],
		optional: ["gemstone", "style_apparel", "occasion", "country_of_origin"],
	},
	books: {
		sales: [],
		required: ["language"],
		optional: ["book_format", "author", "country_of_origin"],
	},
	generic: {
		sales: ["colour"],
		required: ["material_generic"],
		optional: ["qty_pack", "warranty", "country_of_origin"],
	},
};

const APPAREL_TOPS = ["Womenswear & Underwear", "Menswear & Underwear", "Muslim Fashion"];
const BEAUTY_CARE = ["Skincare", "Men's Care"];

/** The profile for a leaf, from its root-first English path. */
export function profileFor(path: string[]): string {
	const [top, second = "", leaf = ""] = [path[0], path[1], path[path.length - 1]];
	const has = (re: RegExp) => path.some((name) => re.test(name));
	if (top === "Food & Beverages") return "food";
	if (top === "Books, Magazines & Audio") return "books";
	if (second === "Baby Clothing & Shoes") return leaf === "Shoes" ? "footwear" : "apparel";
	if (/Footwear/.test(second) || (top === "Shoes" && second !== "Shoe Accessories")) return "footwear";
	if (APPAREL_TOPS.includes(top) || has(/Clothing|Clothes|Swimwear/)) return top === "Pet Supplies" ? "pet" : "apparel";
	if (top === "Kids' Fashion") return "apparel";
	if (top === "Luggage & Bags") return "bags";
	if (/^Cases, Screen Protectors|Covers & Cases/.test(leaf)) return "phone_case";
	if (top === "Phones & Electronics" || top === "Household Appliances" || second === "Personal Care Appliances") return "electronics";
	if (top === "Computers & Office Equipment") return second === "Office Stationery & Supplies" ? "generic" : "electronics";
	if (has(/Electric & Remote Control Toys/)) return "toys";
	if (second === "Makeup & Perfume") return "makeup";
	if (BEAUTY_CARE.includes(second)) return "skincare";
	if (top === "Beauty & Personal Care") return "personal_care";
	if (top === "Kitchenware") return "kitchen";
	if (["Home Supplies", "Textiles & Soft Furnishings", "Furniture", "Home Improvement"].includes(top)) return "home";
	if (top === "Pet Supplies") return "pet";
	if (top === "Sports & Outdoor") return "sports";
	if (top === "Toys & Hobbies" || second === "Baby Toys") return "toys";
	if (top === "Jewellery Accessories & Derivatives" || top === "Fashion Accessories") return "jewellery";
	return "generic";
}

/** Extra attributes keyed by leaf-name patterns: [pattern, key, required, profiles it applies to]. */
const LEAF_EXTRAS: [RegExp, string, boolean, string[]][] = [
	[/T-shirt|Blouse|Shirt|Hoodie|Jumper|Knitwear|Polo|Vest|Tank|Bodysuit|Tops/i, "sleeve_length", true, ["apparel"]],
	[/Jeans|Trousers|Shorts|Leggings|Skirt|Bottoms/i, "fit", true, ["apparel"]],
	[/Jeans|Trousers|Shorts|Skirt/i, "waist_height", false, ["apparel"]],
	[/Dress/i, "dress_length", false, ["apparel"]],
	[/Earphone|Headphone/i, "headphone_type", true, ["electronics"]],
	[/Earphone|Headphone/i, "noise_cancelling", false, ["electronics"]],
	[/Power Bank|Charg|Batter/i, "output_power", false, ["electronics"]],
	[/Watch/i, "movement_type", false, ["jewellery"]],
	[/^Candles$/i, "scent", true, ["home"]],
	[/^Candles$/i, "burn_time", false, ["home"]],
	[/^Candles$/i, "wax_type", false, ["home"]],
	[/Mug|Cup|Glass|Bottle|Flask|Drinkware|Kettle/i, "capacity_ml", true, ["kitchen"]],
	[/Yoga|\bMats?\b/i, "thickness_mm", true, ["sports", "home"]],
	[/Yoga|Pilates/i, "sport_type", false, ["sports"]],
	[/Toy/i, "toy_type", false, ["pet"]],
	[/^Tea$/i, "tea_type", true, ["food"]],
	[/^Tea$/i, "tea_form", false, ["food"]],
	[/^Coffee$/i, "roast_level", false, ["food"]],
	[/^Coffee$/i, "coffee_form", true, ["food"]],
	[/Lipstick|Lip Gloss|Blush|Eyeshadow|Powder|Foundation/i, "finish", true, ["makeup"]],
	[/Sunscreen|Sun Care/i, "spf", true, ["skincare", "personal_care"]],
	[/Food|Treats/i, "life_stage", false, ["pet"]],
];

export function attributesFor(leafId: string, path: string[]): LeafAttribute[] {
	const profileName = profileFor(path);
	const profile = PROFILES[profileName];
	const leaf = path[path.length - 1];
	const list: LeafAttribute[] = [
		...profile.sales.map((k): LeafAttribute => [k, false]),
		...profile.required.map((k): LeafAttribute => [k, true]),
	];
	const seen = new Set(list.map(([k]) => k));
	const add = (key: string, required: boolean) => {
		if (seen.has(key)) {
			if (required) for (const entry of list) if (entry[0] === key) entry[1] = true;
			return;
		}
		seen.add(key);
		list.push([key, required]);
	};
	for (const [pattern, key, required, profiles] of LEAF_EXTRAS) {
		if (pattern.test(leaf) && profiles.includes(profileName)) add(key, required);
	}
	// Battery-powered toys ask the same hazmat questions as electronics.
	if (profileName === "toys" && path.some((n) => /Electric|Remote/.test(n))) for (const key of BATTERY) add(key, key === "has_battery");
	if (profileName === "electronics") for (const key of BATTERY) add(key, key === "has_battery");
	for (const key of profile.optional) add(key, false);

	// About one leaf in three gets one more required attribute (not a conditional one).
	const hash = fnv1a(`required:${leafId}`);
	const candidates = list.filter(
		([k, req]) => !req && !["battery_type", "battery_capacity", "colour", "size", "shoe_size", "specification"].includes(k),
	);
	if (hash % 3 === 0 && candidates.length > 0) candidates[(hash >>> 2) % candidates.length][1] = true;
	return list;
}
