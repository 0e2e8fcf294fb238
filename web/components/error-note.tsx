/** An API error as the merchant sees it: the message, plus the code and request id for support. */
import type { ApiError } from "../lib/api";
import { Button } from "./button";

export function ErrorNote({ error, onRetry, title }: { error: ApiError | null; onRetry?: () => void; title?: string }) {
	if (!error) return null;
	const action = error.code === "NOT_CONNECTED" ? <a href="#/settings">Go to Settings</a> : null;
	return (
		<div class="banner banner-critical" role="alert">
			<p>
				{title && <strong>{title} </strong>}
				{error.message}
			</p>
			{(error.requestId || error.status >= 500) && (
				<p class="muted small">
					{error.code}
					{error.requestId ? ` · request ${error.requestId}` : ""}
				</p>
			)}
			{(action || onRetry) && (
				<p class="banner-actions">
					{action}
					{onRetry && <Button onClick={onRetry}>Try again</Button>}
				</p>
			)}
		</div>
	);
}

export function Loading({ label = "Loading…" }: { label?: string }) {
	return (
		<p class="loading" role="status">
			<span class="spinner" aria-hidden="true" />
			{label}
		</p>
	);
}
