/**
 * A deterministic synthetic catalogue for the preview benchmark: product i is
 * always the same (seeded by i), with the spread of a real shop: 1-4 variants,
 * some without weight or compare-at price, several tags, a Shopify category.
 */
import type { CatalogProduct, CatalogVariant } from "../../../worker/catalog/types";

const ADJECTIVES = ["Organic", "Classic", "Vintage", "Slim", "Cozy", "Bold", "Light", "Premium", "Basic", "Soft", "Rugged", "Urban"];
const NOUNS = [
	"Tee",
	"Hoodie",
	"Jacket",
	"Mug",
	"Hat",
	"Sneaker",
	"Dress",
	"Scarf",
	"Backpack",
	"Lamp",
	"Candle",
	"Poster",
	"Sock",
	"Belt",
];
const VENDORS = [
	"Acme Co",
	"Northwind",
	"Contoso",
	"Globex",
	"Initech",
	"Umbrella",
	"Hooli",
	"Vandelay",
	"Cyberdyne",
	"Soylent",
	"Tyrell",
	"Wonka",
];
const TYPES = ["T-Shirts", "Hoodies", "Jackets", "Mugs", "Hats", "Shoes", "Dresses", "Accessories", "Bags", "Home"];
const TAGS = [
	"summer",
	"winter",
	"sale",
	"clearance",
	"new",
	"bestseller",
	"cotton",
	"wool",
	"eco",
	"gift",
	"limited",
	"kids",
	"men",
	"women",
	"unisex",
];
const CATEGORIES = ["aa-1-13-8", "aa-1-10", "aa-1-4", "aa-2-14", "aa-5", "hg-11-3", "hg-3", "el-2", "sg-4-1", "ap-2"];

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function benchProduct(i: number): CatalogProduct {
	const rnd = random(i * 7919 + 17);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const id = String(7_000_000_000 + i);
	const variants = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, j): CatalogVariant => {
		const price = (5 + rnd() * 195).toFixed(2);
		const weight = rnd() < 0.2 ? null : Math.round(50 + rnd() * 2000);
		return {
			id: `${id}${j}`,
			gid: `gid://shopify/ProductVariant/${id}${j}`,
			title: pick(["S", "M", "L", "XL", "Red", "Blue", "Default Title"]),
			sku: `SKU-${i}-${j}`,
			barcode: null,
			price,
			compareAtPrice: rnd() < 0.3 ? (Number(price) * 1.2).toFixed(2) : null,
			inventoryQuantity: Math.floor(rnd() * 60) - 5,
			inventoryItemId: `${id}${j}`,
			weightGrams: weight,
			weightValue: weight,
			weightUnit: weight === null ? null : "g",
			option1: null,
			option2: null,
			option3: null,
			position: j + 1,
			imageSrc: null,
		};
	});
	const status = rnd();
	return {
		id,
		gid: `gid://shopify/Product/${id}`,
		title: `${pick(ADJECTIVES)} ${pick(NOUNS)} ${i}`,
		bodyHtml: "<p>Benchmark product.</p>",
		vendor: pick(VENDORS),
		productType: pick(TYPES),
		handle: `bench-${i}`,
		status: status < 0.85 ? "active" : status < 0.95 ? "draft" : "archived",
		tags: Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => pick(TAGS)),
		categoryId: pick(CATEGORIES),
		categoryName: null,
		categoryFullName: null,
		collectionIds: Array.from({ length: Math.floor(rnd() * 3) }, () => String(400 + Math.floor(rnd() * 15))),
		options: [],
		images: [{ src: `https://cdn.example.test/${id}.jpg`, width: 800, height: 800, alt: null }],
		shopifyUpdatedAt: 1_700_000_000_000 + i,
		variants,
	};
}
