/** A message that survives a navigation, e.g. from /templates/new to /templates/:id after the first save. Read once. */
import { signal } from "@preact/signals";

export const flash = signal<string | null>(null);

/** The message, cleared so the next page does not show it again. */
export function takeFlash(): string | null {
	const message = flash.peek();
	flash.value = null;
	return message;
}
