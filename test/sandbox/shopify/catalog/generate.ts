/**
 * Deterministic store catalogues. `generateProduct(profile, i)` depends only on the
 * store's seed and i: types rotate through the sixteen product types, titles use
 * each type's plain product names, and a handful of positions are special so the
 * demo store always has the same edge cases (drafts, archived, no category, no
 * SKUs, missing or zero weights, and two products with more than 100 variants).
 */
import { buildDescription } from "./description";
import { ids } from "./ids";
import { Random } from "./random";
import { PRODUCT_TYPES } from "./taxonomy";
import { COLLECTIONS, COMMON_TAGS, TYPE_WORDS } from "./titles";
import type { SandboxCollection, SandboxImage, SandboxProduct, ShopInfo, WeightUnit } from "./types";
import { buildVariants, planOptions } from "./variants";

export type StoreProfile = { shop: string; seed: string; slot: number; productCount: number; weightUnit: WeightUnit };

export const DEMO_SHOP = "demo-store.myshopify.com";
export const DEMO_PRODUCT_COUNT = 300;

/** Positions whose variant counts are fixed: options × values = 120 and 252 variants. */
export const LARGE_PRODUCTS: Record<number, number[]> = { 16: [6, 10, 2], 209: [7, 12, 3] };

const CATALOGUE_START_MS = Date.UTC(2025, 0, 6, 14, 0, 0);
const HOUR = 3_600_000;

export function slugify(text: string): string {
	return text
		.toLowerCase()
		.replace(/&/g, "and")
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-|-$/g, "");
}

function titleFor(typeName: string, k: number): { title: string; cycle: number } {
	const words = TYPE_WORDS[typeName];
	const perCycle = words.bases.length * (words.modifiers.length + 1);
	const within = k % perCycle;
	const base = words.bases[within % words.bases.length];
	const round = Math.floor(within / words.bases.length);
	return { title: round === 0 ? base : `${words.modifiers[round - 1]} ${base}`, cycle: Math.floor(k / perCycle) };
}

function imagesFor(rng: Random, slot: number, index: number, handle: string, title: string, count: number): SandboxImage[] {
	return Array.from({ length: count }, (_, n) => {
		const [width, height] = rng.pick([
			[800, 800],
			[800, 800],
			[1000, 1000],
			[1200, 1200],
			[1000, 800],
		]);
		return {
			id: ids.image(slot, index, n + 1),
			name: `${handle}-${n + 1}_${width}x${height}`,
			width,
			height,
			alt: rng.chance(0.5) ? null : `${title} - view ${n + 1}`,
		};
	});
}

export function generateProduct(profile: StoreProfile, index: number): SandboxProduct {
	const rng = new Random(`${profile.seed}:${index}`);
	const spec = PRODUCT_TYPES[index % PRODUCT_TYPES.length];
	const words = TYPE_WORDS[spec.name];
	const { title, cycle } = titleFor(spec.name, Math.floor(index / PRODUCT_TYPES.length));
	const handle = slugify(title) + (cycle > 0 ? `-${cycle + 1}` : "");
	const vendor = rng.pick(spec.vendors);
	const forced = LARGE_PRODUCTS[index];
	const status = forced ? "ACTIVE" : index % 41 === 7 ? "DRAFT" : index % 53 === 11 ? "ARCHIVED" : "ACTIVE";
	const createdAtMs = CATALOGUE_START_MS + index * 2 * HOUR + rng.int(0, 59) * 60_000;
	const updatedAtMs = createdAtMs + rng.int(0, 60 * 24 * 60) * 60_000;
	const images = imagesFor(rng, profile.slot, index, handle, title, forced ? 6 : rng.int(1, 6));
	const plan = planOptions(rng, profile.slot, index, spec, forced);
	const noSkus = index % 19 === 3;
	const variants = buildVariants(
		{
			rng,
			slot: profile.slot,
			index,
			spec,
			sku: (pos) => (noSkus ? null : `${spec.code}-${String(index + 1).padStart(4, "0")}-${String(pos).padStart(3, "0")}`),
			weightGap: index % 17 === 4 ? "all" : index % 29 === 13 ? "zero" : "none",
			shopUnit: profile.weightUnit,
			imageCount: images.length,
			atMs: updatedAtMs,
		},
		plan,
	);
	const tags = [
		...new Set([slugify(spec.name), ...rng.sample(COMMON_TAGS, rng.int(1, 3)), ...(rng.chance(0.3) ? [slugify(vendor)] : [])]),
	].sort();
	const optionSummary = plan.options.filter((o) => o.name !== "Title").map((o) => `${o.name}: ${o.values.join(", ")}`);
	const descriptionHtml = buildDescription(rng, {
		title,
		vendor,
		productType: spec.name,
		features: words.features,
		optionSummary,
		grams: spec.grams,
		inlineImage: rng.chance(0.3) ? `${handle}-detail_800x800` : null,
	});
	const minPrice = Math.min(...variants.map((v) => Number(v.price)));
	const collectionKeys = [
		tags.includes("new") ? 0 : -1,
		tags.includes("bestseller") ? 1 : -1,
		minPrice < 50 && rng.chance(0.4) ? 2 : -1,
		tags.includes("eco") ? 3 : -1,
		["Candles", "Mugs", "Tea"].includes(spec.name) ? 4 : -1,
		tags.includes("summer") ? 5 : -1,
	].filter((k) => k >= 0);
	return {
		id: ids.product(profile.slot, index),
		index,
		nextVariantSeq: variants.length + 1,
		nextImageSeq: images.length + 1,
		title,
		handle,
		descriptionHtml,
		vendor,
		productType: spec.name,
		tags,
		status,
		createdAtMs,
		updatedAtMs,
		publishedAtMs: status === "ACTIVE" ? createdAtMs + HOUR : null,
		category: index % 23 === 5 ? null : spec.category,
		collectionIds: collectionKeys.map((k) => ids.collection(profile.slot, k)),
		options: plan.options,
		images,
		variants,
	};
}

export function generateCollections(slot: number): SandboxCollection[] {
	return COLLECTIONS.map((c, k) => ({ id: ids.collection(slot, k), title: c.title, handle: c.handle }));
}

export function shopInfoFor(profile: StoreProfile, overrides: { name?: string; currencyCode?: string } = {}): ShopInfo {
	const handle = profile.shop.replace(/\.myshopify\.com$/, "");
	const defaultName =
		profile.shop === DEMO_SHOP
			? "Demo Store"
			: handle
					.split("-")
					.map((w) => w.charAt(0).toUpperCase() + w.slice(1))
					.join(" ");
	return {
		shop: profile.shop,
		id: ids.shop(profile.slot),
		name: overrides.name ?? defaultName,
		email: `owner@${handle}.example`,
		currencyCode: overrides.currencyCode ?? "USD",
		weightUnit: profile.weightUnit,
		createdAtMs: CATALOGUE_START_MS - 30 * 24 * HOUR,
	};
}
