/**
 * Settings: the TikTok Shop connection, units, whether content edits are pushed
 * after the first sync, and the daily listing quota (with "Resume").
 */
import { useSignal } from "@preact/signals";
import { Button } from "../../components/button";
import { ErrorNote, Loading } from "../../components/error-note";
import { FieldError } from "../../components/field";
import { api, call, messageAt } from "../../lib/api";
import { dateTime } from "../../lib/format";
import { useAction } from "../../lib/use-action";
import { useAsync } from "../../lib/use-async";
import { ConnectCard } from "./connect";
import type { Settings } from "../../lib/types";

function PreferencesCard({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
	const units = useSignal(settings.unitSystem);
	const push = useSignal(settings.pushContentEdits);
	const saved = useSignal(false);
	const unitSystem = units.value;
	const pushContentEdits = push.value;
	const imperialAllowed = !settings.region || settings.region === "US";
	const dirty = unitSystem !== settings.unitSystem || pushContentEdits !== settings.pushContentEdits;
	const saving = useAction(async () => {
		saved.value = false;
		onSaved(await call(api.settings.$put({ json: { unitSystem, pushContentEdits } })));
		saved.value = true;
	});
	const { busy, error } = saving;
	const save = (event: Event) => {
		event.preventDefault();
		void saving.run();
	};
	return (
		<form class="card" aria-labelledby="prefs-title" onSubmit={save}>
			<h2 id="prefs-title">Preferences</h2>
			<p>
				Region: <strong>{settings.region ?? "not known until TikTok Shop is connected"}</strong>
			</p>
			<fieldset>
				<legend>Units for new templates</legend>
				<label class="choice">
					<input type="radio" name="units" checked={unitSystem === "metric"} onChange={() => (units.value = "metric")} /> Metric (kilograms,
					centimeters)
				</label>
				<label class="choice">
					<input
						type="radio"
						name="units"
						checked={unitSystem === "imperial"}
						disabled={!imperialAllowed}
						aria-describedby="units-hint"
						onChange={() => (units.value = "imperial")}
					/>{" "}
					Imperial (pounds, inches)
				</label>
				{!imperialAllowed && (
					<p class="hint" id="units-hint">
						TikTok accepts pounds and inches only for US shops.
					</p>
				)}
				<FieldError id="units" message={messageAt(error?.issues, "unitSystem")} />
			</fieldset>
			<label class="choice">
				<input
					type="checkbox"
					checked={pushContentEdits}
					onChange={(e) => (push.value = e.currentTarget.checked)}
					aria-describedby="push-hint"
				/>{" "}
				Push content edits to TikTok after the first sync
			</label>
			<p class="hint" id="push-hint">
				When on, changes to titles, descriptions and images in Shopify update the TikTok listing (which may send it back to review). Prices
				and stock are always kept in sync.
			</p>
			<ErrorNote error={error && !error.issues.length ? error : null} />
			<div class="actions">
				{saved.value && !dirty && <span role="status">Saved.</span>}
				<Button type="submit" variant="primary" busy={busy} busyLabel="Saving…" disabled={!dirty}>
					Save
				</Button>
			</div>
		</form>
	);
}

function QuotaCard({ settings, onChanged }: { settings: Settings; onChanged: (s: Settings) => void }) {
	const { quota } = settings;
	const resuming = useAction(async () => onChanged(await call(api.settings.quota.resume.$post())));
	const { busy, error } = resuming;
	const resume = () => void resuming.run();
	return (
		<section class="card" aria-labelledby="quota-title">
			<h2 id="quota-title">Listing quota</h2>
			<p>
				{quota.usedToday.toLocaleString("en-US")} of {quota.daily.toLocaleString("en-US")} new listings used today (UTC).
			</p>
			<progress max={Math.max(1, quota.daily)} value={Math.min(quota.usedToday, quota.daily)} aria-label="Listing quota used today" />
			{quota.pausedUntil ? (
				<div class="banner banner-attention">
					<p>New listings are paused until {dateTime(quota.pausedUntil)} because TikTok's daily quota was reached.</p>
					<Button busy={busy} busyLabel="Resuming…" onClick={resume}>
						Resume
					</Button>
				</div>
			) : (
				<p class="muted">Listing is not paused.</p>
			)}
			<ErrorNote error={error} />
		</section>
	);
}

export function SettingsPage() {
	const settings = useAsync(() => call(api.settings.$get()), []);
	const status = useAsync(() => call(api.tiktok.status.$get()), []);
	const reload = () => {
		void settings.reload();
		void status.reload();
	};
	return (
		<>
			<h1 class="page-title">Settings</h1>
			{status.error ? (
				<ErrorNote error={status.error} onRetry={reload} />
			) : status.data ? (
				<ConnectCard status={status.data} onChanged={reload} />
			) : (
				<Loading />
			)}
			{settings.error ? (
				<ErrorNote error={settings.error} onRetry={reload} />
			) : settings.data ? (
				<>
					<PreferencesCard settings={settings.data} onSaved={settings.setData} />
					<QuotaCard settings={settings.data} onChanged={settings.setData} />
				</>
			) : (
				<Loading />
			)}
		</>
	);
}
