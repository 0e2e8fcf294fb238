/**
 * TikTok's warnings on an accepted create or edit (a field it cleared, such as
 * an unknown brand), as stored on product_sync.warnings and read back for the
 * Products page. A clean answer stores null, so a later fix clears the badge.
 */
import { z } from "zod";
import type { ListingWarning } from "../tiktok";

const Stored = z.array(z.object({ field: z.string().nullable(), message: z.string() }));

export function storedWarnings(warnings: ListingWarning[]): string | null {
	return warnings.length ? JSON.stringify(warnings.map(({ field, message }) => ({ field, message }))) : null;
}

/** What the products API answers; a row written before this column existed (or garbled) reads as no warnings. */
export function readWarnings(stored: string | null): ListingWarning[] {
	if (!stored) return [];
	try {
		const parsed = Stored.safeParse(JSON.parse(stored));
		return parsed.success ? parsed.data : [];
	} catch {
		return [];
	}
}
