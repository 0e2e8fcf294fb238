/**
 * TikTok's warnings on a listed product: a field it cleared when it accepted the
 * create or edit (an unknown brand, an attribute the category does not have).
 * The product is listed, so the state badge stays; this says what TikTok changed.
 */
import { Tag } from "../../components/badge";
import type { ProductRow } from "../../lib/types";

export function ListingWarnings({ warnings }: { warnings: ProductRow["warnings"] }) {
	if (!warnings.length) return null;
	return (
		<ul class="listing-warnings" aria-label="TikTok's warnings">
			{warnings.map((w, i) => (
				<li key={i} class="small">
					<Tag tone="attention">{w.field ? `Warning: ${w.field}` : "Warning"}</Tag> <span>{w.message}</span>
				</li>
			))}
		</ul>
	);
}
