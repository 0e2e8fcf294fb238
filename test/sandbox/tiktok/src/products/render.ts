/**
 * Products in the shapes of Get Product and Search Products. Prices come back as
 * {currency, sale_price, tax_exclusive_price}, times in Unix seconds, images with
 * sandbox-served URLs.
 * @see https://partner.tiktokshop.com/docv2/page/get-product-202309
 */
import { categoryPath } from "../catalog/data.ts";
import { mediaInfo, mediaUrl } from "../media/store.ts";
import type { SellerContext } from "../seller/context.ts";
import type { ProductRow, SkuDoc } from "./model.ts";

const seconds = (ms: number) => Math.floor(ms / 1000);

function image(ctx: SellerContext, uri: string) {
	const media = mediaInfo(ctx.sql, uri);
	const url = mediaUrl(ctx.origin, ctx.seller.seller_id, uri);
	return { uri, urls: [url], thumb_urls: [url], width: media?.width ?? 0, height: media?.height ?? 0 };
}

const price = (s: SkuDoc) => ({ currency: s.price.currency, sale_price: s.price.amount, tax_exclusive_price: s.price.amount });

export function renderProduct(ctx: SellerContext, p: ProductRow) {
	const d = p.doc;
	const leaf = categoryPath(d.category_id).at(-1);
	return {
		id: p.id,
		status: p.status,
		product_status: d.product_status,
		title: d.title,
		description: d.description,
		category_chains: categoryPath(d.category_id).map((c) => ({
			id: c.id,
			parent_id: c.parent_id,
			local_name: c.local_name,
			is_leaf: c.is_leaf,
		})),
		recommended_categories: leaf ? [{ id: leaf.id, local_name: leaf.local_name }] : [],
		...(d.brand ? { brand: d.brand } : {}),
		main_images: d.main_images.map((i) => image(ctx, i.uri)),
		skus: d.skus.map((s) => ({
			id: s.id,
			seller_sku: s.seller_sku ?? "",
			price: price(s),
			...(s.list_price ? { list_price: s.list_price } : {}),
			inventory: s.inventory,
			sales_attributes: s.sales_attributes.map((a) => ({
				id: a.id,
				name: a.name,
				value_id: a.value_id,
				value_name: a.value_name,
				...(a.sku_img ? { sku_img: image(ctx, a.sku_img.uri) } : {}),
			})),
			...(s.external_sku_id ? { external_sku_id: s.external_sku_id } : {}),
			...(s.identifier_code ? { identifier_code: s.identifier_code } : {}),
			status_info: {
				status: p.status === "SELLER_DEACTIVATED" ? "DEACTIVATED" : "NORMAL",
				...(p.status === "SELLER_DEACTIVATED" ? { deactivation_source: "SELLER" } : {}),
			},
		})),
		product_attributes: d.product_attributes,
		package_weight: d.package_weight,
		...(d.package_dimensions ? { package_dimensions: d.package_dimensions } : {}),
		certifications: d.certifications.map((c) => ({
			id: c.id,
			title: c.title,
			images: c.images.map((i) => image(ctx, i.uri)),
			files: c.files.map((f) => ({ ...f, urls: [mediaUrl(ctx.origin, ctx.seller.seller_id, f.id)] })),
			...(c.expiration_date ? { expiration_date: c.expiration_date } : {}),
		})),
		...(d.size_chart?.image
			? { size_chart: { image: image(ctx, d.size_chart.image.uri) } }
			: d.size_chart
				? { size_chart: d.size_chart }
				: {}),
		audit: { status: p.audit_status, ...(d.pre_approved_reasons ? { pre_approved_reasons: d.pre_approved_reasons } : {}) },
		...(d.audit_failed_reasons ? { audit_failed_reasons: d.audit_failed_reasons } : {}),
		is_cod_allowed: d.is_cod_allowed,
		...(d.external_product_id ? { external_product_id: d.external_product_id } : {}),
		has_draft: false,
		...(ctx.seller.region === "US" ? { listing_quality_tier: d.main_images.length >= 5 ? "GOOD" : "FAIR" } : {}),
		create_time: seconds(p.create_time),
		update_time: seconds(p.update_time),
	};
}

export function renderSearchItem(ctx: SellerContext, p: ProductRow) {
	const leaf = categoryPath(p.doc.category_id).at(-1);
	return {
		id: p.id,
		title: p.doc.title,
		status: p.status,
		skus: p.doc.skus.map((s) => ({ id: s.id, seller_sku: s.seller_sku ?? "", price: price(s), inventory: s.inventory })),
		sales_regions: [ctx.seller.region],
		recommended_categories: leaf ? [{ id: leaf.id, local_name: leaf.local_name }] : [],
		create_time: seconds(p.create_time),
		update_time: seconds(p.update_time),
	};
}
