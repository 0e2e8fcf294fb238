/**
 * Catalogue endpoints: categories, recommend, attributes, rules, brands. US shops
 * must ask for category_version=v2 (12052217); the sandbox serves one tree under
 * both versions and English names whatever the `locale`.
 * @see https://partner.tiktokshop.com/docv2/page/get-categories-202309
 */
import { type Answer, fail, ok } from "../http/envelope.ts";
import { parseJsonObject } from "../products/create.ts";
import { categoryVersionError } from "../products/validate/category.ts";
import { arr, obj, str } from "../products/validate/checker.ts";
import { uploadedImage } from "../products/validate/images.ts";
import type { ApiCall, SellerContext } from "../seller/context.ts";
import { titleBounds } from "../products/region-rules.ts";
import { BRANDS } from "./brands.ts";
import { CATEGORIES, categoryById, categoryPath, certificationDef, leafAttributes, leafRules } from "./data.ts";
import { recommendLeaf } from "./recommend.ts";

const NON_ENGLISH = /[\u0400-\u04ff\u0600-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

export function getCategories(ctx: SellerContext, call: ApiCall): Answer {
	const versionError = categoryVersionError(ctx.seller.region, call.query.category_version);
	if (versionError) return fail(versionError);
	const keyword = call.query.keyword?.trim().toLowerCase();
	const categories = keyword ? CATEGORIES.filter((c) => c.local_name.toLowerCase().includes(keyword)) : CATEGORIES;
	return ok({ categories });
}

/** Attributes and rules exist for leaf categories only. */
function leafFor(ctx: SellerContext, call: ApiCall): Answer | string {
	const versionError = categoryVersionError(ctx.seller.region, call.query.category_version);
	if (versionError) return fail(versionError);
	const category = categoryById(call.pathId ?? "");
	if (!category) return fail(12052025);
	if (!category.is_leaf) return fail(12052024);
	return category.id;
}

export function getAttributes(ctx: SellerContext, call: ApiCall): Answer {
	const leaf = leafFor(ctx, call);
	if (typeof leaf !== "string") return leaf;
	const attributes = leafAttributes(leaf).map((a) => ({
		id: a.id,
		name: a.name,
		type: a.type,
		is_requried: a.type === "PRODUCT_PROPERTY" && a.required,
		is_customizable: a.is_customizable,
		is_multiple_selection: a.is_multiple_selection,
		values: a.values,
		...(a.value_data_format ? { value_data_format: a.value_data_format } : {}),
		...(a.requirement_conditions ? { requirement_conditions: a.requirement_conditions } : {}),
	}));
	return ok({ attributes });
}

export function getRules(ctx: SellerContext, call: ApiCall): Answer {
	const leaf = leafFor(ctx, call);
	if (typeof leaf !== "string") return leaf;
	const rules = leafRules(leaf);
	if (!rules) return fail(12052025);
	return ok({
		package_dimension: { is_required: rules.package_dimension },
		size_chart: { is_supported: rules.size_chart.is_supported, is_required: rules.size_chart.is_required },
		product_certifications: rules.certifications.map((c) => {
			const def = certificationDef(c.id);
			return {
				id: c.id,
				name: def?.name ?? c.id,
				is_required: c.is_required,
				document_details: def?.document_details ?? "",
				sample_image_url: def?.sample_image_url ?? "",
				expiration_date: { is_required: c.expiration_required },
				...(c.conditions ? { requirement_conditions: c.conditions } : {}),
			};
		}),
		cod: { is_supported: rules.cod },
		epr: { is_required: rules.epr },
		manufacturer: { is_required: rules.manufacturer },
		responsible_person: { is_required: rules.responsible_person },
	});
}

export function getBrands(_ctx: SellerContext, call: ApiCall): Answer {
	const pageSize = Number(call.query.page_size);
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return fail(12019109);
	const name = call.query.brand_name?.toLowerCase();
	const authorizedOnly = call.query.is_authorized === "1" || call.query.is_authorized === "true";
	const brands = BRANDS.filter(
		(b) => (!name || b.name.toLowerCase().includes(name)) && (!authorizedOnly || b.authorized_status === "AUTHORIZED"),
	);
	let offset = 0;
	try {
		offset = Number(call.query.page_token ? atob(call.query.page_token) : 0) || 0;
	} catch {
		return fail(36009004, "invalid param error (page_token)");
	}
	const page = brands.slice(offset, offset + pageSize);
	return ok({
		brands: page,
		total_count: brands.length,
		next_page_token: offset + pageSize < brands.length ? btoa(String(offset + pageSize)) : "",
	});
}

export function recommendCategory(ctx: SellerContext, call: ApiCall): Answer {
	const body = parseJsonObject(call);
	if (!body) return fail(36009004);
	const versionError = categoryVersionError(ctx.seller.region, str(body.category_version));
	if (versionError) return fail(versionError);
	const title = str(body.product_title) ?? "";
	const [min, max] = titleBounds(ctx.seller.region);
	if (title.trim().length < min || title.length > max) return fail(36009004, "invalid param error (product_title)");
	if (NON_ENGLISH.test(title)) return fail(12052266);
	const description = str(body.description) ?? "";
	if (description.length > 10_000) return fail(36009004, "invalid param error (description)");
	if (NON_ENGLISH.test(description)) return fail(12052351);
	if (body.images !== undefined) {
		const images = arr(body.images);
		if (!images || images.some((i) => !uploadedImage(ctx, str(obj(i)?.uri)))) return fail(12019009);
	}
	const leaf = recommendLeaf(title, description);
	if (!leaf) return fail(12019064);
	const path = categoryPath(leaf.id);
	return ok({
		leaf_category_id: leaf.id,
		categories: path.map((c, i) => ({
			id: c.id,
			name: c.local_name,
			level: i + 1,
			is_leaf: c.is_leaf,
			permission_statuses: c.permission_statuses,
		})),
	});
}
