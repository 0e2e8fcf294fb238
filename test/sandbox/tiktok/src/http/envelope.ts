/**
 * TikTok's response envelope `{code, message, request_id, data}`. Handlers return
 * an `Answer`; the seller object renders it once with the request id.
 */
import { toHex } from "../../../../../worker/crypto/encoding.ts";
import { messageFor, statusFor } from "./codes.ts";

export type Answer = { status: number; code: number; message: string; data?: unknown; headers?: Record<string, string> };

export const ok = (data: unknown = {}): Answer => ({ status: 200, code: 0, message: "Success", data });

/** A failure with the catalogue message (or `message`) and the catalogue HTTP status (or `status`). */
export function fail(code: number, message?: string, status?: number, data?: unknown): Answer {
	return { status: status ?? statusFor(code), code, message: message ?? messageFor(code), ...(data === undefined ? {} : { data }) };
}

export function renderBody(answer: Answer, requestId: string): string {
	return JSON.stringify({ code: answer.code, message: answer.message, request_id: requestId, data: answer.data ?? {} });
}

/** TikTok-style request id: UTC yyyyMMddHHmmss followed by 20 upper-case hex digits. */
export function newRequestId(now = Date.now()): string {
	const stamp = new Date(now).toISOString().replace(/\D/g, "").slice(0, 14);
	const bytes = crypto.getRandomValues(new Uint8Array(10));
	return stamp + toHex(bytes).toUpperCase();
}

export function jsonResponse(answer: Answer, requestId: string): Response {
	return new Response(renderBody(answer, requestId), {
		status: answer.status,
		headers: { "content-type": "application/json", "x-tt-logid": requestId, ...(answer.headers ?? {}) },
	});
}
