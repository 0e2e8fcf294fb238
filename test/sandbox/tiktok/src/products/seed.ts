/**
 * Listings made outside the app (in Seller Center, or by another connector):
 * stored straight into the seller's catalogue, with no create call, no audit and
 * no create body, so tests can ask what an app does about what is already there.
 */
import { bigId } from "../seller/ids.ts";
import { contentHash } from "./build.ts";
import { type ProductDoc, type ProductRow, type ProductStatus, saveProduct } from "./model.ts";

export type SeedListing = { title?: string; seller_skus: string[]; status?: ProductStatus; external_product_id?: string };

function seededRow(seed: SeedListing, warehouseId: string, currency: string, now: number): ProductRow {
	const doc: ProductDoc = {
		title: seed.title ?? `Listed outside the app (${seed.seller_skus.join(", ") || "no SKU"})`,
		description: "<p>Made in Seller Center.</p>",
		category_id: "601302",
		category_version: "v2",
		main_images: [{ uri: `tos-seeded/${bigId("9")}` }],
		skus: seed.seller_skus.map((sku) => ({
			id: bigId(),
			seller_sku: sku,
			price: { amount: "19.99", currency },
			inventory: [{ warehouse_id: warehouseId, quantity: 5 }],
			sales_attributes: [],
		})),
		product_attributes: [],
		package_weight: { value: "1", unit: "POUND" },
		certifications: [],
		is_cod_allowed: false,
		...(seed.external_product_id ? { external_product_id: seed.external_product_id } : {}),
		invite_only: false,
		product_status: seed.status === "SELLER_DEACTIVATED" ? "SELLER_DEACTIVATED" : "ACTIVATE",
		ever_live: true,
		content_hash: "",
	};
	doc.content_hash = contentHash(doc);
	const status = seed.status ?? "ACTIVATE";
	return {
		id: bigId(),
		status,
		audit_status: status === "ACTIVATE" ? "APPROVED" : "NONE",
		category_id: doc.category_id,
		external_product_id: seed.external_product_id ?? null,
		title: doc.title,
		doc,
		input: {},
		create_body: "",
		create_time: now,
		update_time: now,
		audit_due_at: null,
		audit_kind: null,
		replays: 0,
	};
}

/** Stores the listings and returns their ids, in order. */
export function seedListings(sql: SqlStorage, seeds: SeedListing[], warehouseId: string, currency: string, now = Date.now()): string[] {
	return seeds.map((seed, i) => {
		// Distinct create times keep the newest-first order of search stable.
		const row = seededRow(seed, warehouseId, currency, now + i);
		saveProduct(sql, row);
		return row.id;
	});
}
