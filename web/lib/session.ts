/**
 * Start-up: POST /api/session once, which installs the shop on its first call
 * (token exchange, webhooks, catalogue import) and changes nothing afterwards.
 * Then the catalogue import's state, polled while it runs.
 */
import { signal } from "@preact/signals";
import { api, type ApiError, asApiError, call } from "./api";
import type { ImportStatus } from "./types";

export type SessionState = { status: "loading" } | { status: "ready"; shop: string } | { status: "error"; error: ApiError };

export const session = signal<SessionState>({ status: "loading" });
export const catalogImport = signal<ImportStatus | null>(null);
/** Bumped when the import finishes, so lists reload once with the whole catalogue. */
export const catalogVersion = signal(0);

export async function startSession(): Promise<void> {
	session.value = { status: "loading" };
	try {
		const answer = await call(api.session.$post({ query: {} }));
		// Know whether the catalogue is still importing before any page asks about it.
		catalogImport.value = (await call(api.import.$get()).catch(() => ({ import: null }))).import;
		session.value = { status: "ready", shop: answer.shop };
		if (catalogImport.value?.status === "running") void watchImport();
	} catch (error) {
		session.value = { status: "error", error: asApiError(error) };
	}
}

async function watchImport(): Promise<void> {
	// Bounded: an import of a large catalogue reports progress for at most ~30 minutes here.
	for (let i = 0; i < 900; i++) {
		await new Promise((resolve) => setTimeout(resolve, 2000));
		try {
			const { import: status } = await call(api.import.$get());
			const wasRunning = catalogImport.value?.status === "running";
			catalogImport.value = status;
			if (status?.status !== "running") {
				if (wasRunning) catalogVersion.value++;
				return;
			}
		} catch {
			// The banner is informative only; a failed poll is retried on the next tick.
		}
	}
}
