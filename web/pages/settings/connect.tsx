/** The TikTok Shop connection: connect (the top window goes to TikTok's authorization and back), disconnect. */
import { useState } from "preact/hooks";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/error-note";
import { type ApiError, asApiError, post } from "../../lib/api";
import { route, routeQuery } from "../../lib/router";

export type TikTokStatus = { connected: boolean; needsReauthorization: boolean; shopName?: string | null; region?: string | null; tiktokShopId?: string };

export function ConnectCard({ status, onChanged }: { status: TikTokStatus; onChanged: () => void }) {
	const [busy, setBusy] = useState<"connect" | "disconnect" | null>(null);
	const [error, setError] = useState<ApiError | null>(null);
	const q = routeQuery(route.value);
	const connect = async () => {
		setBusy("connect");
		setError(null);
		try {
			const { authorizeUrl } = await post<{ authorizeUrl: string }>("/api/tiktok/connect");
			// The link is our /auth/tiktok/start, opened in the top window: TikTok's page cannot be framed, and
			// the cookie that ties the authorization to this browser must be first-party (the admin iframe's is not).
			window.open(authorizeUrl, "_top");
		} catch (e) {
			setError(asApiError(e));
			setBusy(null);
		}
	};
	const disconnect = async () => {
		if (!window.confirm("Disconnect TikTok Shop? Syncing stops until you connect again.")) return;
		setBusy("disconnect");
		setError(null);
		try {
			await post("/api/tiktok/disconnect");
			onChanged();
		} catch (e) {
			setError(asApiError(e));
		} finally {
			setBusy(null);
		}
	};
	return (
		<section class="card" aria-labelledby="tiktok-title">
			<h2 id="tiktok-title">TikTok Shop</h2>
			{q.get("tiktok") === "connected" && status.connected && (
				<p class="banner banner-success" role="status">
					TikTok Shop is connected.
				</p>
			)}
			{q.get("tiktok") === "error" && (
				<p class="banner banner-critical" role="alert">
					TikTok Shop was not connected ({q.get("code") ?? "unknown reason"}
					{q.get("tiktok_code") ? `, TikTok code ${q.get("tiktok_code")}` : ""}). Try again.
				</p>
			)}
			<ErrorNote error={error} />
			{status.connected ? (
				<div class="row">
					<p>
						Connected to <strong>{status.shopName ?? status.tiktokShopId}</strong>
						{status.region ? ` (${status.region})` : ""}.
					</p>
					<Button variant="critical" busy={busy === "disconnect"} busyLabel="Disconnecting…" onClick={disconnect}>
						Disconnect
					</Button>
				</div>
			) : (
				<div class="row">
					<p>{status.needsReauthorization ? "TikTok Shop needs to be authorized again." : "Connect your TikTok Shop to list products."}</p>
					<Button variant="primary" busy={busy === "connect"} busyLabel="Opening TikTok…" onClick={connect}>
						{status.needsReauthorization ? "Reconnect TikTok Shop" : "Connect TikTok Shop"}
					</Button>
				</div>
			)}
		</section>
	);
}

