/** The catalogue import, while it runs or when it failed. */
import { catalogImport } from "../lib/session";

export function ImportBanner() {
	const status = catalogImport.value;
	if (!status || status.status === "done") return null;
	if (status.status === "failed") {
		return (
			<div class="banner banner-critical" role="alert">
				The Shopify catalogue import failed: {status.error ?? "unknown error"}. Reload the app to try again.
			</div>
		);
	}
	return (
		<div class="banner banner-info" role="status">
			<span class="spinner" aria-hidden="true" /> Importing your Shopify catalogue: {status.imported.toLocaleString("en-US")}
			{status.total ? ` of ${status.total.toLocaleString("en-US")}` : ""} products so far.
		</div>
	);
}
