/** The TikTok Shop connection: connect (the top window goes to TikTok's authorization and back), disconnect. */
import type { InferResponseType } from "hono/client";
import { Button } from "../../components/button";
import { ErrorNote } from "../../components/error-note";
import { api, call } from "../../lib/api";
import { route, routeQuery } from "../../lib/router";
import { useAction } from "../../lib/use-action";

export type TikTokStatus = InferResponseType<typeof api.tiktok.status.$get>;

export function ConnectCard({ status, onChanged }: { status: TikTokStatus; onChanged: () => void }) {
	const q = routeQuery(route.value);
	// The link is our /auth/tiktok/start, opened in the top window: TikTok's page cannot be framed, and
	// the cookie that ties the authorization to this browser must be first-party (the admin iframe's is not).
	const connecting = useAction(async () => window.open((await call(api.tiktok.connect.$post())).authorizeUrl, "_top"));
	const disconnecting = useAction(async () => {
		await call(api.tiktok.disconnect.$post());
		onChanged();
	});
	const busy = connecting.busy ? "connect" : disconnecting.busy ? "disconnect" : null;
	const error = connecting.error ?? disconnecting.error;
	const connect = () => {
		disconnecting.reset();
		void connecting.run();
	};
	const disconnect = () => {
		if (!window.confirm("Disconnect TikTok Shop? Syncing stops until you connect again.")) return;
		connecting.reset();
		void disconnecting.run();
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
