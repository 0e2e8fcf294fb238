/** A product's sync badge, in the words and colours the merchant reads everywhere. */
import { BADGE_HELP, BADGE_LABELS, type Badge } from "../../worker/products/badge";

const TONE: Record<Badge, string> = {
	not_synced: "neutral",
	queued: "info",
	syncing: "info",
	synced: "success",
	in_review: "attention",
	live: "success",
	failed: "critical",
	review_failed: "critical",
	waiting_quota: "attention",
	pending_category_approval: "attention",
	deactivated: "neutral",
	linked: "success",
};

export function SyncBadge({ badge }: { badge: Badge }) {
	return (
		<span class={`badge badge-${TONE[badge]}`} title={BADGE_HELP[badge]}>
			{BADGE_LABELS[badge]}
		</span>
	);
}

export function Tag({ tone = "neutral", children }: { tone?: string; children: preact.ComponentChildren }) {
	return <span class={`badge badge-${tone}`}>{children}</span>;
}
