/**
 * The sandbox's attribute catalogue as data: every attribute a leaf can get, with
 * its TikTok id where the fixtures give one ("legacy" = the UK apparel fixture's
 * real values for that id), its values, flags and conditions. The ids of all
 * other attributes and values are derived by attribute-defs.ts.
 */
export type Spec = {
	name: string;
	id?: string;
	sales?: boolean;
	/** Names, real [id, name] pairs, or "legacy" for the UK fixture's values of `id`. */
	values?: (string | [string, string])[] | "legacy";
	custom?: boolean;
	multi?: boolean;
	numeric?: boolean;
	requiredWhen?: [string, string][];
};

const YES_NO = ["Yes", "No"];
const COLOURS = [
	"Black",
	"White",
	"Grey",
	"Red",
	"Pink",
	"Orange",
	"Yellow",
	"Green",
	"Blue",
	"Navy",
	"Purple",
	"Brown",
	"Beige",
	"Khaki",
	"Multicolour",
	"Silver",
	"Gold",
	"Clear",
];
const APPAREL_SIZES = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "3XL", "4XL", "One Size"];
const SHOE_SIZES = Array.from({ length: 17 }, (_, i) => `US ${5 + i / 2}`);
const COUNTRIES: (string | [string, string])[] = [
	["1000854", "Vietnam"],
	"United States",
	"China",
	"India",
	"Bangladesh",
	"Turkey",
	"Indonesia",
	"United Kingdom",
	"Italy",
	"Portugal",
	"Mexico",
	"Cambodia",
	"Pakistan",
	"Sri Lanka",
	"Thailand",
	"South Korea",
	"Japan",
	"Germany",
	"France",
	"Brazil",
];

export const SPECS: Record<string, Spec> = {
	// Sales properties
	colour: { id: "100000", name: "Colour", sales: true, values: COLOURS, custom: true, multi: true },
	size: { id: "100007", name: "Size", sales: true, values: APPAREL_SIZES, custom: true, multi: true },
	shoe_size: { id: "100007", name: "Size", sales: true, values: SHOE_SIZES, custom: true, multi: true },
	specification: { name: "Specification", sales: true, values: ["Standard", "Pro", "Max", "Mini", "Lite"], custom: true },

	// Apparel (real UK ids and values)
	material_apparel: { id: "100157", name: "Material", values: "legacy", multi: true },
	pattern: { id: "100198", name: "Pattern", values: "legacy", custom: true },
	style_apparel: { id: "100398", name: "Style", values: "legacy", custom: true, multi: true },
	season: { id: "100397", name: "Season", values: "legacy", multi: true },
	stretch: { id: "100400", name: "Stretch", values: "legacy" },
	size_type: { id: "101127", name: "Size Type", values: "legacy", multi: true },
	washing: { id: "100401", name: "Washing Instructions", values: "legacy", multi: true },
	qty_pack: { id: "100347", name: "Quantity Per Pack", values: "legacy", custom: true },
	design: { id: "100757", name: "Design", values: "legacy", custom: true },
	occasion: {
		id: "100392",
		name: "Occasion",
		values: [["1001533", "Birthday"], "Wedding", "Party", "Daily", "Christmas", "Valentine's Day", "Graduation", "Travel", "Holiday"],
		custom: true,
		multi: true,
	},
	sleeve_length: { name: "Sleeve Length", values: ["Short Sleeve", "Long Sleeve", "3/4 Sleeve", "Sleeveless", "Cap Sleeve"] },
	neckline: {
		name: "Neckline",
		values: ["Crew Neck", "V-Neck", "Round Neck", "Collared", "Hooded", "Turtleneck", "Scoop Neck", "Off Shoulder"],
	},
	fit: { name: "Fit", values: ["Skinny", "Slim", "Regular", "Straight", "Relaxed", "Loose", "Wide Leg", "Bootcut", "Oversized"] },
	waist_height: { name: "Waist Height", values: ["High Waist", "Mid Waist", "Low Waist"] },
	dress_length: { name: "Dress Length", values: ["Mini", "Knee Length", "Midi", "Maxi"] },
	country_of_origin: { id: "100149", name: "Country of origin", values: COUNTRIES, custom: true },
	manufacturer_name: { id: "101489", name: "Manufacturer/Trader Name", custom: true },
	manufacturer_address: { id: "101490", name: "Manufacturer/Trader Address", custom: true },
	movement_type: {
		id: "101164",
		name: "Movement Type",
		values: [["1002241", "Mechanical"], "Quartz", "Automatic", "Digital", "Solar", "Kinetic"],
	},

	// Footwear
	upper_material: { name: "Upper Material", values: ["Mesh", "Leather", "Synthetic Leather", "Canvas", "Knit", "Suede", "Rubber", "PU"] },
	sole_material: { name: "Sole Material", values: ["Rubber", "EVA", "PU", "TPR", "Phylon"] },
	closure_shoe: { name: "Closure Type", values: ["Lace-Up", "Slip-On", "Hook & Loop", "Zip", "Buckle"] },
	toe_shape: { name: "Toe Shape", values: ["Round Toe", "Pointed Toe", "Square Toe", "Open Toe"] },

	// Bags
	material_bags: {
		id: "100157",
		name: "Material",
		values: ["Leather", "Faux Leather", "Canvas", "Nylon", "Polyester", "Cotton", "Denim", "Straw", "PVC"],
		multi: true,
	},
	closure_bags: { name: "Closure Type", values: ["Zip", "Magnetic Snap", "Buckle", "Drawstring", "Flap", "Open Top"] },
	capacity_l: { name: "Capacity (L)", numeric: true, custom: true },
	laptop_compartment: { name: "Laptop Compartment", values: YES_NO },
	waterproof: { name: "Waterproof", values: ["Yes", "No", "Water Resistant"] },

	// Electronics; the battery group follows the SDK's hazmat example
	has_battery: { id: "101610", name: "Contains Batteries or Cells?", values: [["1024358", "Batteries"], "Cells", "None"] },
	battery_type: {
		name: "Battery Type",
		values: ["Lithium-ion", "Lithium Polymer", "Alkaline", "NiMH", "Lead Acid", "LiFePO4"],
		requiredWhen: [
			["has_battery", "Batteries"],
			["has_battery", "Cells"],
		],
	},
	battery_capacity: {
		name: "Battery Capacity (mAh)",
		numeric: true,
		custom: true,
		requiredWhen: [["has_battery", "Batteries"]],
	},
	warranty: { name: "Warranty Period", values: ["No Warranty", "3 Months", "6 Months", "1 Year", "2 Years", "3 Years"] },
	connectivity: {
		name: "Connectivity",
		values: ["Bluetooth", "Wi-Fi", "USB-C", "USB-A", "Lightning", "3.5mm Jack", "NFC", "Wireless"],
		multi: true,
	},
	compatible_devices: {
		name: "Compatible Devices",
		values: ["Universal", "iPhone", "Android Phones", "iPad", "Tablets", "Laptops", "Smartwatches"],
		custom: true,
		multi: true,
	},
	model_number: { name: "Model Number", custom: true },
	power_source: { name: "Power Source", values: ["Battery Powered", "USB Powered", "Mains Powered", "Solar Powered"] },
	headphone_type: { name: "Headphone Type", values: ["In-Ear", "Over-Ear", "On-Ear", "Open-Ear"] },
	noise_cancelling: { name: "Noise Cancelling", values: YES_NO },
	output_power: { name: "Output Power (W)", numeric: true, custom: true },
	compatible_phones: {
		name: "Compatible Phone Models",
		values: [
			"iPhone 14",
			"iPhone 15",
			"iPhone 15 Pro",
			"iPhone 15 Pro Max",
			"iPhone 16",
			"iPhone 16 Pro",
			"Samsung Galaxy S23",
			"Samsung Galaxy S24",
			"Google Pixel 8",
			"Google Pixel 9",
		],
		custom: true,
		multi: true,
	},
	material_case: {
		id: "100157",
		name: "Material",
		values: ["Silicone", "TPU", "Leather", "Polycarbonate", "Tempered Glass", "Plastic"],
		multi: true,
	},
	case_type: { name: "Case Type", values: ["Clear", "Bumper", "Wallet", "Rugged", "Slim", "MagSafe Compatible"] },

	// Beauty
	formulation: {
		name: "Formulation",
		values: ["Cream", "Gel", "Liquid", "Stick", "Powder", "Lotion", "Oil", "Balm", "Serum", "Spray", "Mousse"],
	},
	finish: { name: "Finish", values: ["Matte", "Satin", "Glossy", "Metallic", "Dewy", "Shimmer"] },
	skin_type: { name: "Skin Type", values: ["All Skin Types", "Normal", "Dry", "Oily", "Combination", "Sensitive"], multi: true },
	benefits: {
		name: "Benefits",
		values: [
			"Hydrating",
			"Long-lasting",
			"Moisturising",
			"Anti-ageing",
			"Brightening",
			"Oil Control",
			"Soothing",
			"Volumising",
			"Waterproof",
			"Smudge-proof",
		],
		custom: true,
		multi: true,
	},
	ingredients: {
		name: "Key Ingredients",
		values: [
			"Hyaluronic Acid",
			"Vitamin C",
			"Retinol",
			"Niacinamide",
			"Shea Butter",
			"Aloe Vera",
			"Collagen",
			"Ceramides",
			"Salicylic Acid",
		],
		custom: true,
		multi: true,
	},
	volume_ml: { name: "Volume (ml)", numeric: true, custom: true },
	net_weight_g: { name: "Net Weight (g)", numeric: true, custom: true },
	cruelty_free: { name: "Cruelty-Free", values: YES_NO },
	shelf_life: { name: "Shelf Life", values: ["6 Months", "12 Months", "18 Months", "24 Months", "36 Months"] },
	spf: { name: "SPF", values: ["SPF 15", "SPF 30", "SPF 50", "SPF 50+"] },

	// Food
	flavour: {
		name: "Flavour",
		values: ["Original", "Chocolate", "Vanilla", "Strawberry", "Lemon", "Mint", "Honey", "Spicy", "Unflavoured"],
		custom: true,
	},
	dietary: {
		name: "Dietary Needs",
		values: ["Organic", "Vegan", "Vegetarian", "Gluten-Free", "Sugar-Free", "Dairy-Free", "Keto", "Halal", "Kosher", "Non-GMO"],
		multi: true,
	},
	storage: { name: "Storage Condition", values: ["Room Temperature", "Refrigerated", "Frozen"] },
	shelf_life_food: { name: "Shelf Life", values: ["1 Month", "3 Months", "6 Months", "12 Months", "18 Months", "24 Months"] },
	allergens: {
		name: "Allergen Information",
		values: ["None", "Milk", "Eggs", "Peanuts", "Tree Nuts", "Soy", "Wheat", "Fish", "Shellfish", "Sesame"],
		custom: true,
		multi: true,
	},
	packaging: { name: "Packaging", values: ["Bag", "Box", "Bottle", "Can", "Jar", "Pouch", "Tin"] },
	tea_type: {
		name: "Tea Type",
		values: ["Black Tea", "Green Tea", "Oolong Tea", "White Tea", "Herbal Tea", "Rooibos", "Matcha", "Chai", "Pu-erh"],
	},
	tea_form: { name: "Tea Form", values: ["Loose Leaf", "Tea Bags", "Powder", "Pods"] },
	roast_level: { name: "Roast Level", values: ["Light", "Medium", "Dark"] },
	coffee_form: { name: "Coffee Form", values: ["Whole Bean", "Ground", "Instant", "Capsules"] },

	// Home and kitchen
	material_home: {
		id: "100157",
		name: "Material",
		values: ["Cotton", "Linen", "Polyester", "Wood", "Bamboo", "Metal", "Glass", "Ceramic", "Plastic", "Stone", "Resin", "Paper", "Wax"],
		multi: true,
	},
	style_home: {
		id: "100398",
		name: "Style",
		values: ["Modern", "Minimalist", "Rustic", "Boho", "Vintage", "Scandinavian", "Industrial", "Farmhouse"],
		custom: true,
		multi: true,
	},
	room: { name: "Room", values: ["Living Room", "Bedroom", "Kitchen", "Bathroom", "Home Office", "Outdoor", "Kids' Room"], multi: true },
	scent: {
		name: "Scent",
		values: ["Unscented", "Vanilla", "Lavender", "Sandalwood", "Citrus", "Rose", "Cinnamon", "Fresh Linen", "Pine"],
		custom: true,
		multi: true,
	},
	burn_time: { name: "Burn Time (hours)", numeric: true, custom: true },
	wax_type: { name: "Wax Type", values: ["Soy Wax", "Paraffin Wax", "Beeswax", "Coconut Wax", "Rapeseed Wax"] },
	material_kitchen: {
		id: "100157",
		name: "Material",
		values: [
			"Ceramic",
			"Porcelain",
			"Stoneware",
			"Glass",
			"Stainless Steel",
			"Plastic",
			"Bamboo",
			"Silicone",
			"Cast Iron",
			"Wood",
			"Enamel",
		],
		multi: true,
	},
	capacity_ml: { name: "Capacity (ml)", numeric: true, custom: true },
	dishwasher_safe: { name: "Dishwasher Safe", values: YES_NO },
	microwave_safe: { name: "Microwave Safe", values: YES_NO },

	// Pets, sports, toys, jewellery, books, everything else
	pet_type: { name: "Pet Type", values: ["Dog", "Cat", "Small Animal", "Bird", "Fish", "Reptile", "Horse"], multi: true },
	pet_size: { name: "Pet Size", values: ["Extra Small", "Small", "Medium", "Large", "Extra Large", "All Sizes"], multi: true },
	material_pet: {
		id: "100157",
		name: "Material",
		values: ["Rubber", "Plush", "Rope", "Nylon", "Cotton", "Plastic", "Silicone", "Polyester"],
		multi: true,
	},
	toy_type: { name: "Toy Type", values: ["Chew Toy", "Squeaky Toy", "Fetch Toy", "Interactive Toy", "Plush Toy", "Tug Toy"] },
	life_stage: { name: "Life Stage", values: ["Puppy/Kitten", "Adult", "Senior", "All Life Stages"] },
	material_sports: {
		id: "100157",
		name: "Material",
		values: ["TPE", "PVC", "NBR", "Natural Rubber", "Cork", "Foam", "Neoprene", "Nylon", "Polyester", "Steel", "Aluminium"],
		multi: true,
	},
	thickness_mm: { name: "Thickness (mm)", numeric: true, custom: true },
	sport_type: {
		name: "Sport Type",
		values: ["Yoga", "Pilates", "Fitness", "Running", "Cycling", "Camping", "Hiking", "Swimming", "Football", "Basketball", "Tennis"],
		multi: true,
	},
	age_range: { name: "Age Range", values: ["0-12 Months", "1-3 Years", "3-6 Years", "6-12 Years", "12+ Years", "Adults"], multi: true },
	material_toys: {
		id: "100157",
		name: "Material",
		values: ["Plastic", "Wood", "Plush", "Metal", "Fabric", "Silicone", "Paper"],
		multi: true,
	},
	material_jewellery: {
		id: "100157",
		name: "Material",
		values: ["Sterling Silver", "Gold Plated", "Stainless Steel", "Titanium", "Alloy", "Copper", "Pearl", "Crystal", "Leather"],
		multi: true,
	},
	gemstone: { name: "Gemstone", values: ["None", "Amber", "Jade", "Pearl", "Ruby", "Sapphire", "Emerald", "Crystal", "Cubic Zirconia"] },
	language: { name: "Language", values: ["English", "Spanish", "French", "German", "Chinese", "Other"] },
	book_format: { name: "Format", values: ["Paperback", "Hardcover", "Board Book", "Audio CD", "Magazine"] },
	author: { name: "Author", custom: true },
	material_generic: {
		id: "100157",
		name: "Material",
		values: ["Plastic", "Metal", "Wood", "Glass", "Rubber", "Fabric", "Paper", "Ceramic", "Stainless Steel", "Aluminium", "Other"],
		multi: true,
	},
};
