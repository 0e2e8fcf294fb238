/** The template service's failures, as the AppErrors the routes throw. */
import type { SQL } from "drizzle-orm";
import { AppError, type FieldIssue } from "../../http/errors";
import type { Claimed } from "../claims";
import type { TemplateFailure } from "../service";

const failureError = (failure: { code: TemplateFailure["code"]; message: string; issues?: FieldIssue[]; details?: unknown }) =>
	new AppError(failure.code, failure.message, { issues: failure.issues, details: failure.details });

/** The value of a service result, or its failure thrown as an AppError. */
export function orThrow<T extends { ok: true }>(result: T | TemplateFailure): T {
	if (!result.ok) throw failureError(result);
	return result;
}

export function claimedOrThrow(claimed: Claimed): SQL {
	if (!claimed.ok) throw new AppError("CONFLICT", claimed.message);
	return claimed.where;
}
