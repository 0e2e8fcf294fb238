/**
 * Turns a validated draft into the stored product: SKU ids (kept across edits),
 * ids for custom sales attributes and values (TikTok mints them too), and a
 * fingerprint of the audited content.
 */
import { bigId } from "../seller/ids.ts";
import type { ProductDoc, SalesAttribute, SkuDoc } from "./model.ts";
import type { Draft } from "./validate/index.ts";

function fingerprint(value: unknown): string {
	const text = JSON.stringify(value);
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h.toString(16);
}

export function contentHash(
	doc: Pick<
		ProductDoc,
		"title" | "description" | "category_id" | "main_images" | "product_attributes" | "certifications" | "size_chart" | "brand" | "skus"
	>,
): string {
	return fingerprint([
		doc.title,
		doc.description,
		doc.category_id,
		doc.main_images,
		doc.product_attributes,
		doc.certifications,
		doc.size_chart,
		doc.brand,
		doc.skus.map((s) => s.sales_attributes),
	]);
}

export function buildDoc(draft: Draft, previous: ProductDoc | null): ProductDoc {
	// Custom attribute and value ids stay stable for the life of the product.
	const customIds = new Map<string, string>();
	for (const sku of previous?.skus ?? []) {
		for (const a of sku.sales_attributes) {
			customIds.set(`a:${a.name.toLowerCase()}`, a.id);
			customIds.set(`v:${a.id}:${a.value_name.toLowerCase()}`, a.value_id);
		}
	}
	const idFor = (key: string) => {
		const known = customIds.get(key);
		if (known) return known;
		const id = bigId();
		customIds.set(key, id);
		return id;
	};
	const skus: SkuDoc[] = draft.skus.map((s) => {
		const sales: SalesAttribute[] = s.sales_attributes.map((a) => {
			const id = a.id ?? idFor(`a:${a.name.toLowerCase()}`);
			const valueId = a.value_id ?? idFor(`v:${id}:${a.value_name.toLowerCase()}`);
			return { id, name: a.name, value_id: valueId, value_name: a.value_name, ...(a.sku_img ? { sku_img: a.sku_img } : {}) };
		});
		return {
			id: s.id ?? bigId(),
			...(s.seller_sku !== undefined ? { seller_sku: s.seller_sku } : {}),
			price: s.price,
			...(s.list_price ? { list_price: s.list_price } : {}),
			inventory: s.inventory,
			sales_attributes: sales,
			...(s.external_sku_id ? { external_sku_id: s.external_sku_id } : {}),
			...(s.identifier_code ? { identifier_code: s.identifier_code } : {}),
		};
	});
	const doc: ProductDoc = {
		title: draft.title,
		description: draft.description,
		category_id: draft.category.category.id,
		category_version: draft.category.version,
		...(draft.brand ? { brand: draft.brand } : {}),
		main_images: draft.main_images,
		skus,
		product_attributes: draft.product_attributes,
		package_weight: draft.package_weight,
		...(draft.package_dimensions ? { package_dimensions: draft.package_dimensions } : {}),
		certifications: draft.certifications,
		...(draft.size_chart ? { size_chart: draft.size_chart } : {}),
		is_cod_allowed: draft.is_cod_allowed,
		...(draft.external_product_id ? { external_product_id: draft.external_product_id } : {}),
		invite_only: draft.category.inviteOnly,
		product_status: previous?.product_status ?? "INITIAL",
		ever_live: previous?.ever_live ?? false,
		content_hash: "",
	};
	doc.content_hash = contentHash(doc);
	return doc;
}

/** The `skus` part of create and edit answers. */
export function skuSummary(doc: ProductDoc) {
	return doc.skus.map((s) => ({
		id: s.id,
		seller_sku: s.seller_sku ?? "",
		sales_attributes: s.sales_attributes.map((a) => ({ id: a.id, value_id: a.value_id })),
		...(s.external_sku_id ? { external_sku_id: s.external_sku_id } : {}),
	}));
}
