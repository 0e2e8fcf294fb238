/** The products table: selection, image, title, sync badge (failed ones open their reason) and template. */
import { SyncBadge } from "../../components/badge";
import type { ProductRow } from "../../lib/types";
import { ListingWarnings } from "./warnings";

type Props = {
	products: ProductRow[];
	selected: Set<string>;
	onToggle: (id: string, on: boolean) => void;
	onToggleAll: (on: boolean) => void;
	onOpenFailure: (product: ProductRow) => void;
};

const FAILED = new Set(["failed", "review_failed"]);

function TemplateCell({ p }: { p: ProductRow }) {
	const listedElsewhere = p.syncedWith && p.claimedBy && p.syncedWith.id !== p.claimedBy.id;
	return (
		<td>
			{p.claimedBy ? <a href={`#/templates/${p.claimedBy.id}`}>{p.claimedBy.label}</a> : <span class="muted">No template</span>}
			{listedElsewhere && (
				<p class="muted small">
					{p.tiktokProductId ? "Listed with" : "Last tried with"} “{p.syncedWith?.name ?? "a deleted template"}”
				</p>
			)}
		</td>
	);
}

export function ProductTable({ products, selected, onToggle, onToggleAll, onOpenFailure }: Props) {
	const allOn = products.length > 0 && products.every((p) => selected.has(p.id));
	return (
		<table class="table">
			<thead>
				<tr>
					<th scope="col" class="col-check">
						<input
							type="checkbox"
							aria-label="Select all products on this page"
							checked={allOn}
							onChange={(e) => onToggleAll(e.currentTarget.checked)}
						/>
					</th>
					<th scope="col">Product</th>
					<th scope="col">Status</th>
					<th scope="col">Template</th>
				</tr>
			</thead>
			<tbody>
				{products.map((p) => (
					<tr key={p.id} data-product-id={p.id}>
						<td class="col-check">
							<input
								type="checkbox"
								aria-label={`Select ${p.title}`}
								checked={selected.has(p.id)}
								onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
							/>
						</td>
						<td>
							<div class="product-cell">
								{p.imageSrc ? (
									<img src={p.imageSrc} alt="" width={40} height={40} loading="lazy" />
								) : (
									<span class="thumb" aria-hidden="true" />
								)}
								<div>
									<span class="product-title">{p.title}</span>
									<p class="muted small">
										{[p.productType, p.vendor, p.status !== "active" ? p.status : null].filter(Boolean).join(" · ")}
									</p>
								</div>
							</div>
						</td>
						<td>
							{FAILED.has(p.badge) ? (
								<button
									type="button"
									class="badge-button"
									onClick={() => onOpenFailure(p)}
									aria-label={`${p.badge === "failed" ? "Sync failed" : "Review failed"}: see why ${p.title} failed`}
								>
									<SyncBadge badge={p.badge} />
								</button>
							) : (
								<SyncBadge badge={p.badge} />
							)}
							<ListingWarnings warnings={p.warnings} />
						</td>
						<TemplateCell p={p} />
					</tr>
				))}
			</tbody>
		</table>
	);
}
