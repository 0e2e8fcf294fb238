/**
 * Merchant-side edits of a store (the test knobs behind /__sandbox/stores/{shop}/
 * products…): build a product from a partial one, apply a patch, change an
 * inventory item's weight. Each edit bumps `updated_at` strictly forward (Shopify
 * timestamps have whole seconds; two edits in one second would otherwise look
 * identical to an app comparing `updated_at`), and option values are recomputed
 * from the variants so the product stays consistent.
 */
import { ids, VARIANTS_PER_PRODUCT } from "../catalog/ids";
import { slugify } from "../catalog/generate";
import type { Category, ProductStatus, SandboxImage, SandboxProduct, SandboxVariant, Weight } from "../catalog/types";

export type VariantInput = {
	id?: number;
	title?: string;
	options?: string[];
	price?: string;
	compareAtPrice?: string | null;
	sku?: string | null;
	barcode?: string | null;
	inventoryQuantity?: number;
	weight?: Weight | null;
};

export type ImageInput = { width?: number; height?: number; alt?: string | null };

export type ProductPatch = {
	title?: string;
	handle?: string;
	descriptionHtml?: string;
	vendor?: string;
	productType?: string;
	tags?: string[];
	status?: ProductStatus;
	category?: Category | null;
	optionNames?: string[];
	variants?: VariantInput[];
	removeVariantIds?: number[];
	images?: ImageInput[];
};

/** The next `updated_at`: now (whole seconds), but always at least a second after the previous one. */
export const bumpTime = (previousMs: number, nowMs: number) => Math.max(Math.floor(nowMs / 1000) * 1000, previousMs + 1000);

function newVariant(p: SandboxProduct, slot: number, input: VariantInput, atMs: number): SandboxVariant {
	if (p.nextVariantSeq >= VARIANTS_PER_PRODUCT) throw new RangeError("A product can have at most 2,048 variants");
	const id = ids.variant(slot, p.index, p.nextVariantSeq++);
	const title = input.title ?? input.options?.join(" / ") ?? "Default Title";
	return {
		id,
		inventoryItemId: ids.inventoryItem(id),
		title,
		sku: input.sku ?? null,
		barcode: input.barcode ?? null,
		price: input.price ?? "10.00",
		compareAtPrice: input.compareAtPrice ?? null,
		inventoryQuantity: input.inventoryQuantity ?? 0,
		options: input.options ?? title.split(" / "),
		position: 0,
		imageIndex: null,
		weight: input.weight === undefined ? null : input.weight,
		createdAtMs: atMs,
		updatedAtMs: atMs,
	};
}

function patchVariant(v: SandboxVariant, input: VariantInput, atMs: number): SandboxVariant {
	const options = input.options ?? v.options;
	return {
		...v,
		title: input.title ?? (input.options ? options.join(" / ") : v.title),
		options,
		price: input.price ?? v.price,
		compareAtPrice: input.compareAtPrice === undefined ? v.compareAtPrice : input.compareAtPrice,
		sku: input.sku === undefined ? v.sku : input.sku,
		barcode: input.barcode === undefined ? v.barcode : input.barcode,
		inventoryQuantity: input.inventoryQuantity ?? v.inventoryQuantity,
		weight: input.weight === undefined ? v.weight : input.weight,
		updatedAtMs: atMs,
	};
}

function images(p: SandboxProduct, slot: number, inputs: ImageInput[]): SandboxImage[] {
	return inputs.map((input) => {
		const seq = p.nextImageSeq++;
		const width = input.width ?? 800;
		const height = input.height ?? 800;
		return { id: ids.image(slot, p.index, seq), name: `${p.handle}-${seq}_${width}x${height}`, width, height, alt: input.alt ?? null };
	});
}

/** Keeps positions contiguous, option values derived from the variants, at most 3 options. */
function normalise(p: SandboxProduct, optionNames: string[] | undefined, slot: number): SandboxProduct {
	for (const [i, v] of p.variants.entries()) v.position = i + 1;
	const names = optionNames ?? p.options.map((o) => o.name);
	const width = Math.max(1, ...p.variants.map((v) => v.options.length));
	p.options = Array.from({ length: Math.min(3, width) }, (_, i) => ({
		id: p.options[i]?.id ?? ids.option(slot, p.index, i + 1),
		name: names[i] ?? (i === 0 ? "Title" : `Option ${i + 1}`),
		values: [...new Set(p.variants.map((v) => v.options[i]).filter((x): x is string => !!x))],
	}));
	return p;
}

export function applyPatch(
	original: SandboxProduct,
	patch: ProductPatch,
	slot: number,
	nowMs: number,
): { product: SandboxProduct; weightChanged: SandboxVariant[] } {
	const p: SandboxProduct = structuredClone(original);
	const atMs = bumpTime(p.updatedAtMs, nowMs);
	const weightChanged: SandboxVariant[] = [];
	if (patch.title !== undefined) p.title = patch.title;
	if (patch.handle !== undefined) p.handle = patch.handle;
	if (patch.descriptionHtml !== undefined) p.descriptionHtml = patch.descriptionHtml;
	if (patch.vendor !== undefined) p.vendor = patch.vendor;
	if (patch.productType !== undefined) p.productType = patch.productType;
	if (patch.tags !== undefined) p.tags = [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
	if (patch.category !== undefined) p.category = patch.category;
	if (patch.status !== undefined) {
		p.status = patch.status;
		if (p.status === "ACTIVE" && p.publishedAtMs === null) p.publishedAtMs = atMs;
	}
	if (patch.removeVariantIds?.length) p.variants = p.variants.filter((v) => !patch.removeVariantIds!.includes(v.id));
	for (const input of patch.variants ?? []) {
		const index = input.id === undefined ? -1 : p.variants.findIndex((v) => v.id === input.id);
		if (input.id !== undefined && index < 0) throw new RangeError(`Variant ${input.id} is not on product ${p.id}`);
		if (index < 0) {
			p.variants.push(newVariant(p, slot, input, atMs));
			continue;
		}
		const before = p.variants[index];
		p.variants[index] = patchVariant(before, input, atMs);
		if (JSON.stringify(before.weight) !== JSON.stringify(p.variants[index].weight)) weightChanged.push(p.variants[index]);
	}
	if (p.variants.length === 0) throw new RangeError("A product needs at least one variant");
	if (patch.images) p.images = images(p, slot, patch.images);
	p.updatedAtMs = atMs;
	return { product: normalise(p, patch.optionNames, slot), weightChanged };
}

export function createProduct(input: ProductPatch & { title: string }, slot: number, index: number, nowMs: number): SandboxProduct {
	const atMs = Math.floor(nowMs / 1000) * 1000;
	const status = input.status ?? "ACTIVE";
	const p: SandboxProduct = {
		id: ids.product(slot, index),
		index,
		nextVariantSeq: 1,
		nextImageSeq: 1,
		title: input.title,
		handle: input.handle ?? `${slugify(input.title)}-${index + 1}`,
		descriptionHtml: input.descriptionHtml ?? "",
		vendor: input.vendor ?? "Sandbox Vendor",
		productType: input.productType ?? "",
		tags: [...new Set(input.tags ?? [])].sort((a, b) => a.localeCompare(b)),
		status,
		createdAtMs: atMs,
		updatedAtMs: atMs,
		publishedAtMs: status === "ACTIVE" ? atMs : null,
		category: input.category ?? null,
		collectionIds: [],
		options: [],
		images: [],
		variants: [],
	};
	p.variants = (input.variants?.length ? input.variants : [{}]).map((v) => newVariant(p, slot, { ...v, id: undefined }, atMs));
	p.images = images(p, slot, input.images ?? [{}]);
	for (const [i, v] of p.variants.entries()) v.imageIndex = p.images.length ? i % p.images.length : null;
	return normalise(p, input.optionNames ?? (input.variants?.some((v) => v.options || v.title) ? undefined : ["Title"]), slot);
}

/** Sets one inventory item's weight; null clears it. */
export function setWeight(
	original: SandboxProduct,
	inventoryItemId: number,
	weight: Weight | null,
	nowMs: number,
): { product: SandboxProduct; variant: SandboxVariant } {
	const p: SandboxProduct = structuredClone(original);
	const variant = p.variants.find((v) => v.inventoryItemId === inventoryItemId);
	if (!variant) throw new RangeError(`Inventory item ${inventoryItemId} is not on product ${p.id}`);
	const atMs = bumpTime(p.updatedAtMs, nowMs);
	variant.weight = weight;
	variant.updatedAtMs = atMs;
	p.updatedAtMs = atMs;
	return { product: p, variant };
}
