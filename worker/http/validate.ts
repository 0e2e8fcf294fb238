/**
 * zod validation at the edge that fails with the app's error envelope instead of
 * @hono/zod-validator's default body, naming each offending field.
 */
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { AppError, type FieldIssue } from "./errors";

export function zodIssues(error: z.core.$ZodError): FieldIssue[] {
	return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) =>
	zValidator(target, schema, (result) => {
		if (!result.success) {
			const issues = zodIssues(result.error);
			const first = issues[0];
			const where = first?.path ? `${target}.${first.path}` : target;
			throw new AppError("BAD_REQUEST", `Invalid ${where}: ${first?.message ?? "bad input"}`, { issues });
		}
	});
