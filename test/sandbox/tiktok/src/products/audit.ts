/**
 * The review TikTok runs after a create, a content edit or an activation. A
 * product waits `auditDelayMs` (per seller) and then:
 * - in an INVITE_ONLY category: stays PENDING with audit PRE_APPROVED and
 *   pre_approved_reasons ["RESTRICTED_CATEGORY_PENDING"];
 * - with a banned word in its title or description ("replica", "counterfeit",
 *   "fake", "knockoff", "imitation"), or when the seller's failure share picks it:
 *   FAILED with audit_failed_reasons (a live product whose edit fails stays live);
 * - otherwise: ACTIVATE / APPROVED.
 * Each outcome emits webhook types 5 and 37. Audits run when due, on the
 * object's alarm or lazily at the start of any call, or at once via the
 * /__sandbox/sellers/{id}/audit/run knob.
 * @see https://partner.tiktokshop.com/docv2/page/5-product-status-change
 */
import { type SellerContext, nowSeconds } from "../seller/context.ts";
import { getMeta, setMeta } from "../seller/meta.ts";
import { type ProductRow, loadProduct, saveProduct } from "./model.ts";

const BANNED = /\b(replica|counterfeit|fake|knock-?off|imitation)\b/i;

type FailedReason = NonNullable<ProductRow["doc"]["audit_failed_reasons"]>[number];

const BANNED_REASON: FailedReason = {
	position: "product",
	reasons: ["Counterfeit or replica goods are prohibited"],
	suggestions: ["Remove any reference to replica, counterfeit or imitation goods from the title and description, then resubmit."],
	listing_platform: "TIKTOK_SHOP",
};

const QUALITY_REASON: FailedReason = {
	position: "main_images",
	reasons: ["The main image does not clearly show the product"],
	suggestions: ["Use a clear main image of the product on a white background, then resubmit."],
	listing_platform: "TIKTOK_SHOP",
};

/** Exactly `rate` of all audits fail: audit n fails when floor(n * rate) grows. */
function failureShareHits(ctx: SellerContext): boolean {
	const rate = ctx.seller.config.auditFailureRate;
	if (!(rate > 0)) return false;
	const n = (getMeta<number>(ctx.sql, "audit_count") ?? 0) + 1;
	setMeta(ctx.sql, "audit_count", n);
	return Math.floor(n * rate) > Math.floor((n - 1) * rate);
}

function emit(ctx: SellerContext, p: ProductRow, typeFiveStatus: string | null, suspendedReason = ""): void {
	const updateTime = nowSeconds(ctx);
	if (typeFiveStatus) {
		ctx.events.push({
			type: 5,
			productId: p.id,
			data: { status: typeFiveStatus, suspended_reason: suspendedReason, update_time: updateTime },
		});
	}
	ctx.events.push({
		type: 37,
		productId: p.id,
		data: {
			audit: { status: p.audit_status, ...(p.doc.pre_approved_reasons ? { pre_approved_reasons: p.doc.pre_approved_reasons } : {}) },
			integrated_platform_statuses: [{ platform: "TIKTOK_SHOP", status: p.status }],
			update_time: updateTime,
		},
	});
}

function conclude(ctx: SellerContext, p: ProductRow): void {
	p.audit_due_at = null;
	p.update_time = ctx.nowMs;
	if (p.doc.invite_only) {
		p.audit_status = "PRE_APPROVED";
		p.status = "PENDING";
		p.doc.pre_approved_reasons = ["RESTRICTED_CATEGORY_PENDING"];
		saveProduct(ctx.sql, p);
		return emit(ctx, p, null);
	}
	const banned = BANNED.test(p.doc.title) || BANNED.test(p.doc.description);
	const failed = failureShareHits(ctx) || banned;
	if (failed) {
		const wasLive = p.audit_kind === "edit" && p.doc.product_status === "ACTIVATE";
		p.audit_status = "FAILED";
		p.status = wasLive ? "ACTIVATE" : "FAILED";
		p.doc.audit_failed_reasons = [banned ? BANNED_REASON : QUALITY_REASON];
		saveProduct(ctx.sql, p);
		return emit(ctx, p, "PRODUCT_AUDIT_FAILURE", p.doc.audit_failed_reasons[0].reasons[0]);
	}
	const firstPass = !p.doc.ever_live;
	p.audit_status = "APPROVED";
	p.status = "ACTIVATE";
	p.doc.product_status = "ACTIVATE";
	p.doc.ever_live = true;
	delete p.doc.audit_failed_reasons;
	delete p.doc.pre_approved_reasons;
	saveProduct(ctx.sql, p);
	emit(ctx, p, firstPass ? "PRODUCT_FIRST_PASS_REVIEW" : "PRODUCT_STATUS_CHANGED");
}

/** Concludes every audit that is due (all pending ones when `all`); returns the product ids. */
export function runAudits(ctx: SellerContext, all: boolean): string[] {
	const due = ctx.sql
		.exec<{ id: string }>(
			"SELECT id FROM products WHERE audit_due_at IS NOT NULL AND (? OR audit_due_at <= ?) ORDER BY audit_due_at, id",
			all ? 1 : 0,
			ctx.nowMs,
		)
		.toArray();
	for (const { id } of due) {
		const p = loadProduct(ctx.sql, id);
		if (p) conclude(ctx, p);
	}
	return due.map((d) => d.id);
}

export function nextAuditAt(sql: SqlStorage): number | null {
	return sql.exec<{ at: number | null }>("SELECT MIN(audit_due_at) AS at FROM products").one().at;
}

/** Puts a product into review (create, content edit, activation). */
export function startAudit(ctx: SellerContext, p: ProductRow, kind: "new" | "edit" | "activate"): void {
	p.audit_status = "AUDITING";
	p.audit_kind = kind;
	p.audit_due_at = ctx.nowMs + Math.max(0, ctx.seller.config.auditDelayMs);
	if (kind !== "edit" || p.doc.product_status !== "ACTIVATE") p.status = "PENDING";
}
