/**
 * One route's entry in /api/openapi.json. Request shapes come from the route's
 * validators; `doc` adds the summary and the success status, and every error is
 * the one envelope (see routes/openapi.ts).
 */
import { describeRoute } from "hono-openapi";

const success = { 200: "OK", 201: "Created", 202: "Accepted", 204: "No content" } as const;

export const doc = (summary: string, status: keyof typeof success = 200) =>
	describeRoute({ summary, responses: { [status]: { description: success[status] } } });
