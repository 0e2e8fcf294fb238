/**
 * "Activate this template": a switch that first asks, showing how many products
 * will start syncing (GET /pending); deactivating stops what has not started.
 */
import { useState } from "preact/hooks";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/error-note";
import { Modal } from "../../components/modal";
import { type ApiError, asApiError, get, post } from "../../lib/api";
import { plural } from "../../lib/format";
import { kickRuns } from "../../lib/runs";

type Props = { templateId: string; name: string; active: boolean; blockedReason: string | null; onChanged: (active: boolean) => void };

export function ActivateSwitch({ templateId, name, active, blockedReason, onChanged }: Props) {
	const [pending, setPending] = useState<number | null>(null);
	const [asking, setAsking] = useState(false);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<ApiError | null>(null);
	const [result, setResult] = useState<string | null>(null);
	const toggle = async () => {
		setError(null);
		setResult(null);
		setBusy(true);
		try {
			if (active) {
				await post(`/api/templates/${templateId}/deactivate`);
				onChanged(false);
				setResult("Deactivated: products not yet synced will not start.");
			} else {
				const { willSync } = await get<{ willSync: number }>(`/api/templates/${templateId}/pending`);
				setPending(willSync);
				setAsking(true);
			}
		} catch (e) {
			setError(asApiError(e));
		} finally {
			setBusy(false);
		}
	};
	const confirm = async () => {
		setBusy(true);
		setError(null);
		try {
			const { queued } = await post<{ runId: string; queued: number }>(`/api/templates/${templateId}/activate`);
			setAsking(false);
			setResult(queued ? `Activated: ${plural(queued, "product")} started syncing.` : "Activated. No products are waiting to sync.");
			kickRuns();
			onChanged(true);
		} catch (e) {
			setAsking(false);
			setError(asApiError(e));
		} finally {
			setBusy(false);
		}
	};
	return (
		<div class="activate">
			<label class="switch">
				<input type="checkbox" role="switch" checked={active} disabled={busy || (!active && !!blockedReason)} aria-describedby="activate-hint" onChange={(e) => {
					e.currentTarget.checked = active;
					void toggle();
				}} />
				<span>Activate this template</span>
			</label>
			<p class="hint" id="activate-hint">
				{!active && blockedReason ? blockedReason : active ? "Active: matching products sync to TikTok Shop, including new ones." : "Inactive: nothing is sent to TikTok Shop."}
			</p>
			{result && <p role="status">{result}</p>}
			<ErrorNote error={error} title="The template could not be activated." />
			{error?.issues.length ? (
				<ul class="field-error">
					{error.issues.map((i) => (
						<li key={i.path}>{i.message}</li>
					))}
				</ul>
			) : null}
			{asking && pending !== null && (
				<Modal
					title={`Activate “${name}”?`}
					onClose={() => setAsking(false)}
					actions={
						<>
							<Button onClick={() => setAsking(false)}>Cancel</Button>
							<Button variant="primary" busy={busy} busyLabel="Activating…" onClick={confirm}>
								Activate and sync {plural(pending, "product")}
							</Button>
						</>
					}
				>
					<p>
						{pending > 0 ? `${plural(pending, "product")} will start syncing to TikTok Shop now.` : "No products are waiting to sync now."} New products that match will sync as they arrive.
					</p>
				</Modal>
			)}
		</div>
	);
}
