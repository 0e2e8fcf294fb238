/** Why a product failed (TikTok's reason, its code and request id, the fix) with "Re-sync". */
import { useSignal } from "@preact/signals";
import { SyncBadge } from "../../components/badge";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/error-note";
import { Modal } from "../../components/modal";
import { api, call } from "../../lib/api";
import { kickRuns } from "../../lib/runs";
import type { ProductRow } from "../../lib/types";
import { useAction } from "../../lib/use-action";

type ReviewReason = { position?: string; reasons?: string[]; suggestions?: string[] };

/** TikTok's review reasons as stored: `[{ position?, reasons[], suggestions[] }]`. */
function reasonsOf(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return (value as ReviewReason[]).map((r) => {
		const where = r.position ? `${r.position}: ` : "";
		const why = (r.reasons ?? []).join("; ");
		const fix = r.suggestions?.length ? ` Suggestion: ${r.suggestions.join("; ")}` : "";
		return `${where}${why}${fix}`;
	});
}

export function FailureDialog({ product, onClose, onResynced }: { product: ProductRow; onClose: () => void; onResynced: () => void }) {
	const done = useSignal<string | null>(null);
	const reasons = reasonsOf(product.reviewReasons);
	const resyncing = useAction(async () => {
		const result = await call(api.products.resync.$post({ json: { productIds: [product.id] } }));
		done.value = result.queued + result.edits > 0 ? "Queued for a new sync." : "Nothing to re-sync: the product is not failed any more.";
		kickRuns();
		onResynced();
	});
	const { busy, error } = resyncing;
	const resync = () => void resyncing.run();
	const e = product.error;
	return (
		<Modal
			title={`Why “${product.title}” ${product.badge === "review_failed" ? "failed TikTok's review" : "did not sync"}`}
			onClose={onClose}
			actions={
				<>
					<Button onClick={onClose}>Close</Button>
					<Button variant="primary" busy={busy} busyLabel="Re-syncing…" onClick={resync} disabled={!!done.value}>
						Re-sync
					</Button>
				</>
			}
		>
			<p>
				<SyncBadge badge={product.badge} />
			</p>
			{e && (
				<dl class="details">
					<dt>Reason</dt>
					<dd>{e.message ?? "TikTok Shop gave no message."}</dd>
					<dt>How to fix it</dt>
					<dd>{e.fix ?? "Check the product and its template, then re-sync."}</dd>
					<dt>Error code</dt>
					<dd>
						<code>{e.code}</code>
					</dd>
					{e.requestId && (
						<>
							<dt>TikTok request id</dt>
							<dd>
								<code>{e.requestId}</code>
							</dd>
						</>
					)}
				</dl>
			)}
			{reasons.length > 0 && (
				<>
					<h3>TikTok's review</h3>
					<ul>
						{reasons.map((r, i) => (
							<li key={i}>{r}</li>
						))}
					</ul>
				</>
			)}
			{!e && !reasons.length && <p>TikTok Shop gave no reason.</p>}
			{done.value && <p role="status">{done.value}</p>}
			<ErrorNote error={error} />
		</Modal>
	);
}
