/**
 * The single `app.onError`: AppError keeps its code; Hono's own HTTPExceptions
 * (body limit, malformed JSON) are mapped to the closest code; a lost
 * unique-constraint race is a CONFLICT (the other request won); anything else is
 * logged with the request id and answered as INTERNAL without a stack trace.
 */
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../app-env";
import { isUniqueViolation } from "./db-conflict";
import { AppError, type ErrorCode, errorBody } from "./errors";

const codeForStatus: Partial<Record<number, ErrorCode>> = {
	400: "BAD_REQUEST",
	401: "UNAUTHORIZED",
	403: "FORBIDDEN",
	404: "NOT_FOUND",
	409: "CONFLICT",
	413: "PAYLOAD_TOO_LARGE",
	415: "UNSUPPORTED_MEDIA_TYPE",
	422: "VALIDATION_FAILED",
	429: "RATE_LIMITED",
};

export const onError: ErrorHandler<AppEnv> = (err, c) => {
	const requestId = c.get("requestId");
	if (err instanceof AppError) {
		return c.json(errorBody(err.code, err.message, { requestId, issues: err.issues, details: err.details }), err.status);
	}
	if (err instanceof HTTPException && err.status < 500) {
		const code = codeForStatus[err.status] ?? "BAD_REQUEST";
		return c.json(errorBody(code, err.message || code.toLowerCase().replace(/_/g, " "), { requestId }), err.status as ContentfulStatusCode);
	}
	if (isUniqueViolation(err)) {
		return c.json(
			errorBody("CONFLICT", "Another request changed the same thing at the same moment; reload and try again.", { requestId }),
			409,
		);
	}
	console.error(JSON.stringify({ level: "error", requestId, path: c.req.path, error: err instanceof Error ? err.message : String(err) }));
	return c.json(
		errorBody("INTERNAL", "Something went wrong on our side. Try again; if it persists, quote the request id.", { requestId }),
		500,
	);
};
