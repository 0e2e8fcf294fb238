/**
 * The one state a merchant sees per product, from what this app did (sync state)
 * and what TikTok's review says (review state). Pure: the UI imports it.
 */
export const BADGES = [
	"not_synced",
	"queued",
	"syncing",
	"synced",
	"in_review",
	"live",
	"failed",
	"review_failed",
	"waiting_quota",
	"pending_category_approval",
	"deactivated",
	"linked",
] as const;
export type Badge = (typeof BADGES)[number];

export const BADGE_LABELS: Record<Badge, string> = {
	not_synced: "Not synced",
	queued: "Queued",
	syncing: "Syncing",
	synced: "Synced",
	in_review: "In review",
	live: "Live",
	failed: "Sync failed",
	review_failed: "Review failed",
	waiting_quota: "Waiting for quota",
	pending_category_approval: "Pending category approval",
	deactivated: "Deactivated",
	linked: "Linked",
};

/** Plain-language help for the badges that need it. */
export const BADGE_HELP: Partial<Record<Badge, string>> = {
	linked:
		"Already on TikTok Shop before this app listed it (same seller SKUs). The app keeps its price and stock in step with Shopify and leaves its title, description and images as they are on TikTok. It is never created again.",
};

export function badgeOf(syncState: string, reviewState: string): Badge {
	if (syncState !== "synced") return (BADGES as readonly string[]).includes(syncState) ? (syncState as Badge) : "not_synced";
	switch (reviewState) {
		case "in_review":
		case "live":
		case "review_failed":
		case "pending_category_approval":
			return reviewState;
		case "deactivated":
		case "frozen":
		case "deleted":
			return "deactivated";
		default:
			return "synced";
	}
}
