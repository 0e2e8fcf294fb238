/**
 * "Activate this template": a switch that first asks, showing how many products
 * will start syncing (GET /pending); deactivating stops what has not started.
 */
import { useSignal } from "@preact/signals";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/error-note";
import { Modal } from "../../components/modal";
import { api, call } from "../../lib/api";
import { plural } from "../../lib/format";
import { kickRuns } from "../../lib/runs";
import { useAction } from "../../lib/use-action";

type Props = { templateId: string; name: string; active: boolean; blockedReason: string | null; onChanged: (active: boolean) => void };

export function ActivateSwitch({ templateId, name, active, blockedReason, onChanged }: Props) {
	const pending = useSignal<number | null>(null);
	const asking = useSignal(false);
	const result = useSignal<string | null>(null);
	const param = { id: templateId };
	const toggling = useAction(async () => {
		result.value = null;
		if (active) {
			await call(api.templates[":id"].deactivate.$post({ param }));
			onChanged(false);
			result.value = "Deactivated: products not yet synced will not start.";
		} else {
			pending.value = (await call(api.templates[":id"].pending.$get({ param }))).willSync;
			asking.value = true;
		}
	});
	const activating = useAction(
		async () => {
			const { queued } = await call(api.templates[":id"].activate.$post({ param }));
			asking.value = false;
			result.value = queued ? `Activated: ${plural(queued, "product")} started syncing.` : "Activated. No products are waiting to sync.";
			kickRuns();
			onChanged(true);
		},
		{
			onError: () => {
				asking.value = false;
			},
		},
	);
	const busy = toggling.busy || activating.busy;
	const error = activating.error ?? toggling.error;
	const toggle = () => {
		activating.reset();
		void toggling.run();
	};
	const confirm = () => {
		toggling.reset();
		void activating.run();
	};
	return (
		<div class="activate">
			<label class="switch">
				<input
					type="checkbox"
					role="switch"
					checked={active}
					aria-checked={active}
					disabled={busy || (!active && !!blockedReason)}
					aria-describedby="activate-hint"
					onChange={(e) => {
						e.currentTarget.checked = active;
						toggle();
					}}
				/>
				<span>Activate this template</span>
			</label>
			<p class="hint" id="activate-hint">
				{!active && blockedReason
					? blockedReason
					: active
						? "Active: matching products sync to TikTok Shop, including new ones."
						: "Inactive: nothing is sent to TikTok Shop."}
			</p>
			{result.value && <p role="status">{result.value}</p>}
			<ErrorNote error={error} title="The template could not be activated." />
			{error?.issues.length ? (
				<ul class="field-error">
					{error.issues.map((i) => (
						<li key={i.path}>{i.message}</li>
					))}
				</ul>
			) : null}
			{asking.value && pending.value !== null && (
				<Modal
					title={`Activate “${name}”?`}
					onClose={() => (asking.value = false)}
					actions={
						<>
							<Button onClick={() => (asking.value = false)}>Cancel</Button>
							<Button variant="primary" busy={busy} busyLabel="Activating…" onClick={confirm}>
								Activate and sync {plural(pending.value, "product")}
							</Button>
						</>
					}
				>
					<p>
						{pending.value > 0
							? `${plural(pending.value, "product")} will start syncing to TikTok Shop now.`
							: "No products are waiting to sync now."}{" "}
						New products that match will sync as they arrive.
					</p>
				</Modal>
			)}
		</div>
	);
}
