/** Turning TikTok failures and listing problems into what the product row shows the merchant. */
import type { ProductSync } from "../db/schema";
import type { Problem } from "../listing";
import type { PortFailure } from "../tiktok";
import { healingNote } from "./healing";

export type FailureFields = Pick<ProductSync, "lastErrorCode" | "lastErrorMessage" | "lastErrorFix" | "lastRequestId">;

export function fromTikTok(failure: PortFailure): FailureFields {
	return {
		lastErrorCode: failure.code,
		lastErrorMessage: failure.message,
		lastErrorFix: failure.fix ?? "Check the product and the template, then press Re-sync.",
		lastRequestId: failure.requestId ?? null,
	};
}

export function fromProblems(problems: Problem[]): FailureFields {
	const [first, ...rest] = problems;
	const more = rest.length ? ` (and ${rest.length} more: ${rest.map((p) => p.code).join(", ")})` : "";
	return {
		lastErrorCode: first?.code ?? "INVALID_LISTING",
		lastErrorMessage: `${first?.message ?? "The listing is not valid."}${more}`,
		// The fix says what to do; the note says what happens then (it heals by itself, or needs Re-sync).
		lastErrorFix: first ? `${first.fix} ${healingNote(first.code)}` : "Fix the product or the template, then press Re-sync.",
		lastRequestId: null,
	};
}

export const clearedFailure = { lastErrorCode: null, lastErrorMessage: null, lastErrorFix: null, lastRequestId: null } as const;
