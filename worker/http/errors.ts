/**
 * The one error taxonomy of the app. Every HTTP error leaves as
 * `{ error: { code, message, requestId, details? } }`; 5xx never carry internals.
 */
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const errorStatus = {
	BAD_REQUEST: 400,
	VALIDATION_FAILED: 422,
	UNAUTHORIZED: 401,
	FORBIDDEN: 403,
	NOT_FOUND: 404,
	CONFLICT: 409,
	PAYLOAD_TOO_LARGE: 413,
	UNSUPPORTED_MEDIA_TYPE: 415,
	RATE_LIMITED: 429,
	NOT_CONNECTED: 409,
	UPSTREAM: 502,
	BAD_ENVIRONMENT: 500,
	INTERNAL: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

/** A field-level problem, so the UI can show it next to the field it concerns. */
export type FieldIssue = { path: string; message: string };

export type ErrorBody = {
	error: { code: ErrorCode; message: string; requestId?: string; issues?: FieldIssue[]; details?: unknown };
};

export class AppError extends HTTPException {
	readonly code: ErrorCode;
	readonly issues?: FieldIssue[];
	readonly details?: unknown;

	constructor(code: ErrorCode, message: string, options: { issues?: FieldIssue[]; details?: unknown; cause?: unknown } = {}) {
		super(errorStatus[code], { message, cause: options.cause });
		this.code = code;
		this.issues = options.issues;
		this.details = options.details;
	}
}

export function errorBody(code: ErrorCode, message: string, extra: Omit<ErrorBody["error"], "code" | "message"> = {}): ErrorBody {
	return { error: { code, message, ...extra } };
}
