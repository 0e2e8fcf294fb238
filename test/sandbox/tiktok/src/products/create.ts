/**
 * POST /product/202309/products and /products/listing_check.
 * Create: a repeated `idempotency_key` returns the original answer without a
 * second listing; validation answers the first failing code; the daily listing
 * quota is checked last (listing_check never uses it); a new product starts in
 * review (PENDING / AUDITING) unless saved AS_DRAFT.
 * @see https://partner.tiktokshop.com/docv2/page/create-product-202309
 * @see https://partner.tiktokshop.com/docv2/page/check-product-listing-202309
 */
import { type Answer, fail, ok } from "../http/envelope.ts";
import type { ApiCall, SellerContext } from "../seller/context.ts";
import { bigId } from "../seller/ids.ts";
import { consumeQuota, quotaUsage } from "../seller/limits.ts";
import { startAudit } from "./audit.ts";
import { buildDoc, skuSummary } from "./build.ts";
import type { ProductRow } from "./model.ts";
import { saveProduct } from "./model.ts";
import { isObject, str } from "./validate/checker.ts";
import { validateProduct } from "./validate/index.ts";

/**
 * The body as TikTok keeps it: a field it cleared with a warning (an unknown
 * brand) is gone, so a later partial edit that leaves it out does not bring it
 * back (nor its warning).
 */
export function acceptedInput(body: Record<string, unknown>, draft: { brand?: unknown }): Record<string, unknown> {
	if (draft.brand || body.brand_id === undefined) return body;
	const { brand_id: _cleared, ...kept } = body;
	return kept;
}

export function parseJsonObject(call: ApiCall): Record<string, unknown> | null {
	try {
		const value = JSON.parse(call.body);
		return isObject(value) ? value : null;
	} catch {
		return null;
	}
}

export function createProduct(ctx: SellerContext, call: ApiCall): Answer {
	const body = parseJsonObject(call);
	if (!body) return fail(36009004);
	const key = str(body.idempotency_key);
	if (key) {
		const prior = ctx.sql
			.exec<{ product_id: string; response: string }>("SELECT product_id, response FROM idempotency WHERE key = ?", key)
			.toArray()[0];
		if (prior) {
			ctx.sql.exec("UPDATE products SET replays = replays + 1 WHERE id = ?", prior.product_id);
			return ok(JSON.parse(prior.response));
		}
	}
	const { failures, draft } = validateProduct(body, ctx, { edit: false });
	if (!draft) return fail(failures[0].code, failures[0].message);
	const quota = quotaUsage(ctx.sql, ctx.nowMs);
	if (quota.used >= ctx.seller.config.dailyListingQuota) return fail(12052093);

	const doc = buildDoc(draft, null);
	const asDraft = body.save_mode === "AS_DRAFT";
	const product: ProductRow = {
		id: bigId(),
		status: asDraft ? "DRAFT" : "PENDING",
		audit_status: "NONE",
		category_id: doc.category_id,
		external_product_id: doc.external_product_id ?? null,
		title: doc.title,
		doc: { ...doc, product_status: asDraft ? "DRAFT" : "INITIAL" },
		input: acceptedInput(body, draft),
		create_body: call.body,
		create_time: ctx.nowMs,
		update_time: ctx.nowMs,
		audit_due_at: null,
		audit_kind: null,
		replays: 0,
	};
	if (!asDraft) startAudit(ctx, product, "new");
	saveProduct(ctx.sql, product);
	consumeQuota(ctx.sql, ctx.nowMs);
	const data = { product_id: product.id, skus: skuSummary(product.doc), warnings: draft.warnings };
	if (key) {
		ctx.sql.exec(
			"INSERT INTO idempotency (key, product_id, response, created_at) VALUES (?, ?, ?, ?)",
			key,
			product.id,
			JSON.stringify(data),
			ctx.nowMs,
		);
	}
	return ok(data);
}

export function listingCheck(ctx: SellerContext, call: ApiCall): Answer {
	const body = parseJsonObject(call);
	if (!body) return fail(36009004);
	const { failures, draft } = validateProduct(body, ctx, { edit: false });
	const unique = failures.filter((f, i) => failures.findIndex((g) => g.code === f.code && g.message === f.message) === i);
	return ok({
		check_result: unique.length === 0 ? "PASS" : "FAILED",
		fail_reasons: unique.map((f) => ({ code: f.code, message: f.message })),
		...(draft?.warnings.length ? { warnings: draft.warnings } : {}),
	});
}
