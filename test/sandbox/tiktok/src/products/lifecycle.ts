/**
 * Activate, deactivate, delete and recover (at most 20 ids per call). Failures are
 * per product in `data.errors[]`, the call itself succeeds. Activation goes
 * through review again; the others change status at once and emit webhook type 5.
 * @see https://partner.tiktokshop.com/docv2/page/activate-product-202309
 */
import { type Answer, fail, ok } from "../http/envelope.ts";
import { messageFor } from "../http/codes.ts";
import { type ApiCall, type SellerContext, nowSeconds } from "../seller/context.ts";
import { startAudit } from "./audit.ts";
import { parseJsonObject } from "./create.ts";
import { type ProductRow, type ProductStatus, loadProduct, saveProduct } from "./model.ts";
import { arr } from "./validate/checker.ts";

type Transition = { from: ProductStatus[]; apply: (ctx: SellerContext, p: ProductRow) => void };

const statusChanged = (ctx: SellerContext, p: ProductRow) =>
	ctx.events.push({
		type: 5,
		productId: p.id,
		data: { status: "PRODUCT_STATUS_CHANGED", suspended_reason: "", update_time: nowSeconds(ctx) },
	});

const settle = (status: ProductStatus, productStatus: ProductRow["doc"]["product_status"]) => (ctx: SellerContext, p: ProductRow) => {
	p.status = status;
	p.doc.product_status = productStatus;
	p.audit_due_at = null;
	p.audit_kind = null;
	statusChanged(ctx, p);
};

const TRANSITIONS: Record<"activate" | "deactivate" | "delete" | "recover", Transition> = {
	activate: { from: ["SELLER_DEACTIVATED"], apply: (ctx, p) => startAudit(ctx, p, "activate") },
	deactivate: {
		from: ["ACTIVATE", "PENDING", "FAILED", "PLATFORM_DEACTIVATED"],
		apply: settle("SELLER_DEACTIVATED", "SELLER_DEACTIVATED"),
	},
	delete: {
		from: ["DRAFT", "PENDING", "FAILED", "ACTIVATE", "SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED"],
		apply: settle("DELETED", "DELETED"),
	},
	recover: { from: ["DELETED"], apply: settle("SELLER_DEACTIVATED", "SELLER_DEACTIVATED") },
};

export function changeStatus(action: keyof typeof TRANSITIONS) {
	return (ctx: SellerContext, call: ApiCall): Answer => {
		const ids = arr(parseJsonObject(call)?.product_ids)?.map(String);
		if (!ids || ids.length === 0) return fail(36009004);
		if (ids.length > 20) return fail(12019120);
		const errors: unknown[] = [];
		for (const id of ids) {
			const p = loadProduct(ctx.sql, id);
			const code = !p ? 12052048 : TRANSITIONS[action].from.includes(p.status) ? 0 : 12052901;
			if (!p || code !== 0) {
				errors.push({
					code: 12052990,
					message: messageFor(12052990),
					detail: { product_id: id, extra_errors: [{ code, message: messageFor(code) }] },
				});
				continue;
			}
			TRANSITIONS[action].apply(ctx, p);
			p.update_time = ctx.nowMs;
			saveProduct(ctx.sql, p);
		}
		return ok(errors.length ? { errors } : {});
	};
}
