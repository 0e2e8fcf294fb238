/**
 * PUT /product/202309/products/{id} (full replace) and POST .../partial_edit
 * (top-level fields merged into the last accepted body). Both run the create
 * checks, with stock 0-99,999 per SKU. The `skus` sent replace the product's:
 * SKUs sent with an id keep it (it must belong to the product), SKUs without
 * one are new (the answer carries their ids), SKUs left out are removed. A
 * partial edit without `skus` leaves the SKUs as they are (ids, prices, stock). A content change goes back to review (a live product
 * stays live meanwhile); a price- or stock-only change does not.
 * @see https://partner.tiktokshop.com/docv2/page/edit-product-202309
 */
import { type Answer, fail, ok } from "../http/envelope.ts";
import type { ApiCall, SellerContext } from "../seller/context.ts";
import { startAudit } from "./audit.ts";
import { buildDoc, contentHash, skuSummary } from "./build.ts";
import { type ProductRow, loadProduct, saveProduct } from "./model.ts";
import { acceptedInput, parseJsonObject } from "./create.ts";
import { arr, obj, str } from "./validate/checker.ts";
import { validateProduct } from "./validate/index.ts";

function applyEdit(ctx: SellerContext, p: ProductRow, body: Record<string, unknown>, keepSkus = false): Answer {
	const skuIds = new Set(p.doc.skus.map((s) => s.id));
	for (const sku of arr(body.skus) ?? []) {
		const id = str(obj(sku)?.id);
		if (id && !skuIds.has(id)) return fail(12052557);
	}
	const { failures, draft } = validateProduct(body, ctx, { edit: true, productId: p.id });
	if (!draft) return fail(failures[0].code, failures[0].message);
	const doc = buildDoc(draft, p.doc);
	if (keepSkus) {
		doc.skus = p.doc.skus;
		doc.content_hash = contentHash(doc);
	}
	const contentChanged = doc.content_hash !== p.doc.content_hash;
	p.doc = {
		...doc,
		product_status: p.doc.product_status,
		ever_live: p.doc.ever_live,
		...(contentChanged ? {} : { audit_failed_reasons: p.doc.audit_failed_reasons, pre_approved_reasons: p.doc.pre_approved_reasons }),
	};
	p.input = acceptedInput(body, draft);
	p.title = doc.title;
	p.category_id = doc.category_id;
	p.external_product_id = doc.external_product_id ?? null;
	p.update_time = ctx.nowMs;
	const reviewable = p.status !== "DRAFT" && p.status !== "SELLER_DEACTIVATED";
	if (contentChanged && reviewable) startAudit(ctx, p, "edit");
	saveProduct(ctx.sql, p);
	return ok({
		product_id: p.id,
		skus: skuSummary(p.doc),
		warnings: draft.warnings,
		audit: { status: contentChanged && reviewable ? "AUDITING" : "NONE" },
	});
}

function editable(ctx: SellerContext, call: ApiCall): ProductRow | Answer {
	const p = loadProduct(ctx.sql, call.pathId ?? "");
	if (!p || p.status === "DELETED") return fail(12052048);
	if (p.status === "FREEZE") return fail(12052901);
	return p;
}

export function editProduct(ctx: SellerContext, call: ApiCall): Answer {
	const body = parseJsonObject(call);
	if (!body) return fail(36009004);
	const p = editable(ctx, call);
	return "code" in p ? p : applyEdit(ctx, p, body);
}

export function partialEditProduct(ctx: SellerContext, call: ApiCall): Answer {
	const body = parseJsonObject(call);
	if (!body) return fail(36009004);
	const p = editable(ctx, call);
	if ("code" in p) return p;
	// Only whole top-level properties are replaced; everything else keeps its last accepted value.
	const merged: Record<string, unknown> = { ...p.input, ...body };
	delete merged.idempotency_key;
	return applyEdit(ctx, p, merged, body.skus === undefined);
}
