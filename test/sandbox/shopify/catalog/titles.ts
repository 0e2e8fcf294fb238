/**
 * Words for the generated titles and descriptions: per product type, the plain
 * product names a merchant would use (the obvious nouns, so title-based rules and
 * category suggestions have something real to match), modifiers that make larger
 * catalogues unique, and feature bullets for the HTML descriptions.
 */
export type TypeWords = { bases: readonly string[]; modifiers: readonly string[]; features: readonly string[] };

export const TYPE_WORDS: Record<string, TypeWords> = {
	"T-Shirts": {
		bases: ["Organic Cotton Crew T-Shirt", "Classic V-Neck T-Shirt", "Heavyweight Pocket T-Shirt", "Slub Jersey T-Shirt", "Graphic Print T-Shirt", "Long Sleeve Henley T-Shirt", "Oversized Boxy T-Shirt", "Ringer T-Shirt"],
		modifiers: ["Everyday", "Heritage", "Coastal", "Essential", "Vintage Wash", "Summer", "Studio", "Weekend"],
		features: ["Pre-shrunk 180 gsm jersey", "Tagless neck label", "Side-seamed for a clean drape", "Double-needle stitched hems", "Garment dyed for a lived-in look"],
	},
	Hoodies: {
		bases: ["Fleece Pullover Hoodie", "Zip-Up Hoodie", "Heavyweight Hoodie", "Tech Fleece Hoodie", "Cropped Hoodie", "Sherpa-Lined Hoodie", "Oversized Hoodie", "Half-Zip Hoodie"],
		modifiers: ["Everyday", "Alpine", "Campus", "Midnight", "Trail", "Cozy", "Studio", "Harbor"],
		features: ["Brushed fleece interior", "Kangaroo pocket", "Ribbed cuffs and hem", "Double-layer hood with flat drawcord", "Relaxed fit"],
	},
	Dresses: {
		bases: ["Linen Midi Dress", "Wrap Dress", "Slip Dress", "Shirt Dress", "Tiered Maxi Dress", "Knit Sweater Dress", "Smocked Sundress", "A-Line Mini Dress"],
		modifiers: ["Riviera", "Garden Party", "Everyday", "Evening", "Meadow", "Sunset", "Parisian", "Weekend"],
		features: ["Adjustable tie waist", "Hidden side pockets", "Fully lined bodice", "Invisible back zip", "Machine washable"],
	},
	Jeans: {
		bases: ["Slim Fit Jeans", "Straight Leg Jeans", "High-Rise Skinny Jeans", "Relaxed Fit Jeans", "Bootcut Jeans", "Wide Leg Jeans", "Tapered Jeans", "Mom Jeans"],
		modifiers: ["Selvedge", "Everyday", "Vintage", "Rinse Wash", "Distressed", "Eco", "Classic", "Workwear"],
		features: ["Five-pocket styling", "Copper rivets", "YKK zip fly", "Stretch denim that keeps its shape", "Mid-weight 12 oz denim"],
	},
	Sneakers: {
		bases: ["Canvas Low-Top Sneakers", "Leather Court Sneakers", "Knit Running Sneakers", "High-Top Sneakers", "Slip-On Sneakers", "Retro Trainer Sneakers", "Trail Running Sneakers", "Platform Sneakers"],
		modifiers: ["Metro", "Classic", "Cloud", "Summit", "Street", "Featherweight", "Everyday", "Sprint"],
		features: ["Cushioned EVA midsole", "Removable ortholite insole", "Vulcanized rubber outsole", "Breathable knit upper", "Padded collar and tongue"],
	},
	Backpacks: {
		bases: ["Laptop Backpack", "Roll-Top Backpack", "Hiking Backpack", "Travel Backpack", "Mini Backpack", "Commuter Backpack", "Daypack Backpack", "Anti-Theft Backpack"],
		modifiers: ["Everyday", "Urban", "Summit", "Weekender", "Voyager", "Campus", "Nomad", "Trail"],
		features: ["Padded 16-inch laptop sleeve", "Water-resistant coating", "Luggage pass-through strap", "Hidden back pocket", "Ergonomic shoulder straps"],
	},
	"Phone Cases": {
		bases: ["Clear Phone Case", "Silicone Phone Case", "Leather Wallet Phone Case", "Rugged Phone Case", "MagSafe Phone Case", "Glitter Phone Case", "Slim Phone Case", "Card Holder Phone Case"],
		modifiers: ["Shockproof", "Ultra", "Eco", "Everyday", "Armor", "Crystal", "Soft-Touch", "Minimal"],
		features: ["Raised edges protect screen and camera", "Tested to 3 m drop height", "Wireless charging compatible", "Anti-yellowing coating", "Precise cutouts"],
	},
	"Power Banks": {
		bases: ["20000mAh Power Bank", "10000mAh Power Bank", "MagSafe Power Bank", "Solar Power Bank", "65W Laptop Power Bank", "Slim 5000mAh Power Bank", "Keychain Power Bank", "26800mAh Power Bank"],
		modifiers: ["PD Fast-Charge", "Travel", "Compact", "Rugged", "Dual-Port", "Ultra", "Pocket", "Pro"],
		features: ["USB-C Power Delivery", "Charges two devices at once", "LED charge indicator", "Airline carry-on safe", "Overcharge protection"],
	},
	Headphones: {
		bases: ["Wireless Over-Ear Headphones", "Noise Cancelling Headphones", "Wireless Earbuds", "On-Ear Headphones", "Studio Monitor Headphones", "Sports Earbuds", "Kids Headphones", "Open-Ear Headphones"],
		modifiers: ["Pro", "Studio", "Active", "Air", "Bass Boost", "Travel", "Lite", "Max"],
		features: ["Up to 40 hours of battery life", "Bluetooth 5.3", "Active noise cancellation", "Built-in microphone", "Foldable design with case"],
	},
	Lipstick: {
		bases: ["Matte Liquid Lipstick", "Satin Bullet Lipstick", "Hydrating Lip Color", "Long-Wear Lipstick", "Sheer Tinted Lipstick", "Velvet Lipstick", "Cream Lipstick", "Lipstick Duo"],
		modifiers: ["Classic", "Bold", "Everyday", "Vegan", "Luxe", "Signature", "Pure", "Velvet"],
		features: ["Enriched with shea butter", "Transfer-resistant formula", "Cruelty-free and vegan", "Up to 12 hours of wear", "Paraben-free"],
	},
	"Face Cream": {
		bases: ["Hydrating Face Cream", "Night Repair Face Cream", "Vitamin C Face Cream", "SPF 30 Day Face Cream", "Retinol Face Cream", "Barrier Repair Face Cream", "Oil-Free Face Cream", "Rich Face Cream"],
		modifiers: ["Daily", "Sensitive Skin", "Botanical", "Intensive", "Clean", "Renewing", "Calming", "Radiance"],
		features: ["With hyaluronic acid and ceramides", "Fragrance-free", "Dermatologist tested", "Non-comedogenic", "Absorbs quickly"],
	},
	Candles: {
		bases: ["Lavender Soy Candle", "Vanilla Bean Candle", "Sea Salt & Sage Candle", "Fig Leaf Candle", "Cedarwood Candle", "Three-Wick Candle", "Travel Tin Candle", "Pumpkin Spice Candle"],
		modifiers: ["Hand-Poured", "Calm", "Cozy", "Amber Jar", "Studio", "Woodland", "Seaside", "Evening"],
		features: ["Cotton wick for a clean burn", "Up to 50 hours burn time", "Phthalate-free fragrance oils", "Reusable glass vessel", "Poured in small batches"],
	},
	Mugs: {
		bases: ["Ceramic Coffee Mug", "Stoneware Mug", "Enamel Camp Mug", "Double-Wall Glass Mug", "Travel Mug", "Espresso Mug Set", "Latte Mug", "Handmade Pottery Mug"],
		modifiers: ["Speckled", "Morning", "Classic", "Artisan", "Studio", "Rustic", "Minimal", "Sunrise"],
		features: ["Dishwasher and microwave safe", "Lead-free glaze", "Comfortable wide handle", "Holds heat longer", "Each piece slightly unique"],
	},
	"Yoga Mats": {
		bases: ["Non-Slip Yoga Mat", "Cork Yoga Mat", "Travel Yoga Mat", "Extra Thick Yoga Mat", "Alignment Yoga Mat", "Hot Yoga Mat", "Natural Rubber Yoga Mat", "Kids Yoga Mat"],
		modifiers: ["Studio", "Balance", "Eco", "Pro", "Flow", "Grounded", "Everyday", "Zen"],
		features: ["Non-slip texture on both sides", "Carry strap included", "183 x 61 cm", "Sweat-resistant surface", "Free of PVC and latex"],
	},
	"Dog Toys": {
		bases: ["Rope Tug Dog Toy", "Squeaky Plush Dog Toy", "Rubber Chew Dog Toy", "Treat Puzzle Dog Toy", "Fetch Ball Dog Toy", "Tennis Ball Dog Toy", "Frisbee Dog Toy", "Crinkle Dog Toy"],
		modifiers: ["Tough", "Playful", "Durable", "Interactive", "Floating", "Eco", "Chomp-Proof", "Happy"],
		features: ["Non-toxic natural rubber", "Floats in water", "Cleans teeth while chewing", "Machine washable", "Reinforced double stitching"],
	},
	Tea: {
		bases: ["Earl Grey Loose Leaf Tea", "Sencha Green Tea", "Chamomile Herbal Tea", "English Breakfast Tea", "Jasmine Pearl Tea", "Masala Chai Tea", "Peppermint Tea", "Oolong Tea"],
		modifiers: ["Organic", "First Flush", "Reserve", "Single Estate", "Evening", "Classic", "Premium", "Daily"],
		features: ["Organic certified leaves", "Packed in a resealable tin", "Brew at 90 °C for 3 minutes", "Ethically sourced", "About 40 cups per 100 g"],
	},
};

/** Tags every type may draw from (Shopify keeps tags sorted and case-preserved). */
export const COMMON_TAGS = ["new", "bestseller", "gift idea", "sale", "eco", "summer", "winter", "limited edition", "Staff Pick", "online exclusive"] as const;

export const COLLECTIONS = [
	{ title: "New Arrivals", handle: "new-arrivals" },
	{ title: "Best Sellers", handle: "best-sellers" },
	{ title: "Gifts Under $50", handle: "gifts-under-50" },
	{ title: "Eco Friendly", handle: "eco-friendly" },
	{ title: "Home & Living", handle: "home-living" },
	{ title: "Summer Essentials", handle: "summer-essentials" },
] as const;
