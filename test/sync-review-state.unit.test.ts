import { describe, expect, it } from "vitest";
import { badgeOf } from "../worker/products/badge";
import { estimateSeconds } from "../worker/sync/progress";
import { reviewReasons, reviewStateOf } from "../worker/sync/review-state";

const remote = (status: string, audit?: string, reasons: string[] = []) => ({
	status,
	auditStatus: audit,
	preApprovedReasons: reasons,
	failedReasons: [],
});

describe("TikTok status to what the merchant sees", () => {
	it("maps statuses and audits to review states", () => {
		expect(reviewStateOf(remote("PENDING", "AUDITING"))).toBe("in_review");
		expect(reviewStateOf(remote("ACTIVATE", "APPROVED"))).toBe("live");
		expect(reviewStateOf(remote("FAILED", "FAILED"))).toBe("review_failed");
		expect(reviewStateOf(remote("PENDING", "PRE_APPROVED", ["RESTRICTED_CATEGORY_PENDING"]))).toBe("pending_category_approval");
		expect(reviewStateOf(remote("PENDING", "PRE_APPROVED", ["KYC_PENDING"]))).toBe("in_review");
		expect(reviewStateOf(remote("SELLER_DEACTIVATED"))).toBe("deactivated");
		expect(reviewStateOf(remote("FREEZE"))).toBe("frozen");
	});
	it("keeps TikTok's audit reasons and suggestions for the Review failed badge", () => {
		const reasons = [{ position: "title", reasons: ["Counterfeit"], suggestions: ["Remove brand names"] }];
		expect(JSON.parse(reviewReasons({ failedReasons: reasons, preApprovedReasons: [] }) ?? "null")).toEqual(reasons);
	});
	it("combines sync and review state into one badge", () => {
		expect(badgeOf("failed", "none")).toBe("failed");
		expect(badgeOf("synced", "none")).toBe("synced");
		expect(badgeOf("synced", "review_failed")).toBe("review_failed");
		expect(badgeOf("synced", "frozen")).toBe("deactivated");
		expect(badgeOf("waiting_quota", "none")).toBe("waiting_quota");
	});
});

describe("time left", () => {
	const now = Date.UTC(2026, 10, 27, 12, 0, 0);
	const shop = { listingQuotaDaily: 1000, listingQuotaUsed: 0, listingQuotaDay: "2026-11-27" };
	it("is the remaining count over the rate while today's quota suffices", () => {
		expect(estimateSeconds(100, 2, shop, now)).toBe(50);
		expect(estimateSeconds(0, 2, shop, now)).toBe(0);
	});
	it("waits for the next UTC day when the remaining products exceed today's quota", () => {
		const used = { ...shop, listingQuotaUsed: 950 };
		// 50 today, then midnight (12 h away), then 50 more at 2/s.
		expect(estimateSeconds(100, 2, used, now)).toBe(12 * 3600 + 25);
	});
	it("is unknown without a rate", () => {
		expect(estimateSeconds(10, 0, shop, now)).toBeNull();
	});
});
