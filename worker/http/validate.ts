/**
 * zod validation at the edge that fails with the app's error envelope instead of
 * @hono/zod-validator's default body, naming each offending field. JSON bodies
 * are first checked for prototype keys (prototype-keys.ts), which zod would
 * otherwise drop silently.
 */
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import { z } from "zod";
import { AppError, type FieldIssue } from "./errors";
import { prototypeKeyIssues } from "./prototype-keys";

export function zodIssues(error: z.core.$ZodError): FieldIssue[] {
	return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

function withoutPrototypeKeys<Schema extends z.ZodType>(schema: Schema): Schema {
	const guarded = z
		.unknown()
		.superRefine((raw, ctx) => {
			for (const issue of prototypeKeyIssues(raw)) ctx.addIssue({ code: "custom", path: issue.path.split("."), message: issue.message });
		})
		.pipe(schema);
	// The route's types (and the typed client's) stay those of the route's own schema.
	return guarded as unknown as Schema;
}

export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) =>
	zValidator(target, target === "json" ? withoutPrototypeKeys(schema) : schema, (result) => {
		if (!result.success) {
			const issues = zodIssues(result.error);
			const first = issues[0];
			const where = first?.path ? `${target}.${first.path}` : target;
			throw new AppError("BAD_REQUEST", `Invalid ${where}: ${first?.message ?? "bad input"}`, { issues });
		}
	});
