/**
 * Validation at the edge that fails with the app's error envelope, naming each
 * offending field. hono-openapi's validator also records the schema on the
 * route, so /api/openapi.json documents exactly what is validated here. JSON
 * bodies are first checked for prototype keys (prototype-keys.ts), which zod
 * would otherwise drop silently; the check reads the raw body the hook is given,
 * so the documented schema stays the route's own.
 */
import type { ValidationTargets } from "hono";
import { validator } from "hono-openapi";
import type { z } from "zod";
import { AppError, type FieldIssue } from "./errors";
import { prototypeKeyIssues } from "./prototype-keys";

type IssuePath = ReadonlyArray<PropertyKey | { key: PropertyKey }> | undefined;

const issuePath = (path: IssuePath) => (path ?? []).map((part) => String(typeof part === "object" ? part.key : part)).join(".");

export function zodIssues(error: z.core.$ZodError): FieldIssue[] {
	return error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

function refuse(target: string, issues: FieldIssue[]): never {
	const first = issues[0];
	const where = first?.path ? `${target}.${first.path}` : target;
	throw new AppError("BAD_REQUEST", `Invalid ${where}: ${first?.message ?? "bad input"}`, { issues });
}

export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) =>
	validator(target, schema, (result) => {
		const prototypeKeys = target === "json" ? prototypeKeyIssues(result.data) : [];
		if (prototypeKeys.length) refuse(target, prototypeKeys);
		if (!result.success)
			refuse(
				target,
				result.error.map((issue) => ({ path: issuePath(issue.path), message: issue.message })),
			);
	});
