/**
 * Collects validation failures. Create answers with the first one (TikTok returns
 * a single code); listing_check reports them all as `fail_reasons`.
 */
import { messageFor } from "../../http/codes.ts";

export type Failure = { code: number; message: string };

export class Checker {
	readonly failures: Failure[] = [];

	fail(code: number, detail?: string | Record<string, string>): void {
		let message = messageFor(code);
		if (typeof detail === "string") message = `${message} ${detail}`;
		else if (detail) message = message.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (m, key: string) => detail[key] ?? m);
		this.failures.push({ code, message });
	}

	get ok(): boolean {
		return this.failures.length === 0;
	}
}

// Loose readers for untyped JSON: a wrong type reads as "missing".
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const arr = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
export const obj = (v: unknown): Record<string, unknown> | undefined => (isObject(v) ? v : undefined);
