/**
 * Numeric ids for a store's objects. Each store gets a slot (from its domain), and
 * each kind of object its own range, so ids look like Shopify's (13–16 digits),
 * never collide across stores (tenant-isolation tests can tell them apart) and
 * stay below 2^53, so they survive JSON.parse as exact numbers.
 */
import { fnv1a } from "./random";

/** Variant ids leave room for this many variants per product (Shopify allows 2,048). */
export const VARIANTS_PER_PRODUCT = 2048;

export function storeSlot(shop: string): number {
	return (fnv1a(shop) % 99_999) + 1;
}

export const ids = {
	shop: (slot: number) => 60_000_000_000 + slot,
	product: (slot: number, index: number) => 7_000_000_000_000 + slot * 10_000_000 + index + 1,
	variant: (slot: number, index: number, seq: number) => 41_000_000_000_000 + (slot * 10_000_000 + index) * VARIANTS_PER_PRODUCT + seq,
	inventoryItem: (variantId: number) => variantId + 5_000_000_000_000_000,
	image: (slot: number, index: number, seq: number) => 30_000_000_000_000 + (slot * 10_000_000 + index) * 100 + seq,
	option: (slot: number, index: number, seq: number) => 9_000_000_000_000 + (slot * 10_000_000 + index) * 10 + seq,
	collection: (slot: number, k: number) => 450_000_000_000 + slot * 100 + k,
	subscription: (slot: number, seq: number) => 1_300_000_000_000 + slot * 100_000 + seq,
};

export const gid = (type: string, id: number | string) => `gid://shopify/${type}/${id}`;

/** The numeric tail of a GID or a bare numeric id, or null. */
export function numericId(value: unknown, type?: string): number | null {
	const text = String(value ?? "");
	const match = type ? new RegExp(`^(?:gid://shopify/${type}/)?(\\d+)$`).exec(text) : /^(?:gid:\/\/shopify\/\w+\/)?(\d+)$/.exec(text);
	return match ? Number(match[1]) : null;
}
