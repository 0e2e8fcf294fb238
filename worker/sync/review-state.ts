/**
 * TikTok's product status and audit -> the review state the merchant sees.
 * PENDING/AUDITING -> In review; PRE_APPROVED for a restricted category ->
 * Pending category approval; FAILED -> Review failed (with TikTok's reasons);
 * ACTIVATE -> Live; deactivated, frozen and deleted as such.
 * @see tiktok-shop-api.md §4
 */
import type { RemoteProduct } from "../tiktok";

export type ReviewState = "in_review" | "live" | "review_failed" | "pending_category_approval" | "deactivated" | "frozen" | "deleted";

export function reviewStateOf(product: Pick<RemoteProduct, "status" | "auditStatus" | "preApprovedReasons">): ReviewState {
	switch (product.status) {
		case "ACTIVATE":
			return "live";
		case "FAILED":
			return "review_failed";
		case "SELLER_DEACTIVATED":
		case "PLATFORM_DEACTIVATED":
			return "deactivated";
		case "FREEZE":
			return "frozen";
		case "DELETED":
			return "deleted";
		default:
			if (product.auditStatus === "PRE_APPROVED" && product.preApprovedReasons.includes("RESTRICTED_CATEGORY_PENDING"))
				return "pending_category_approval";
			return "in_review";
	}
}

/** What the merchant reads on a 'Review failed' badge: TikTok's reasons and suggestions. */
export function reviewReasons(product: Pick<RemoteProduct, "failedReasons" | "preApprovedReasons">): string | null {
	if (product.failedReasons.length) return JSON.stringify(product.failedReasons);
	if (product.preApprovedReasons.length)
		return JSON.stringify(product.preApprovedReasons.map((reason) => ({ reasons: [reason], suggestions: [] })));
	return null;
}
