/**
 * Shared route plumbing: turn a Durable Object `Reply` into a response, read and
 * validate a JSON body, and find a store's object.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { Reply, SandboxEnv } from "../env";

export type SandboxContext = Context<{ Bindings: SandboxEnv }>;

export function send(c: SandboxContext, r: Reply): Response {
	if (r.location) return c.redirect(r.location, 302);
	return c.json(r.body, r.status as ContentfulStatusCode);
}

export async function jsonBody<S extends z.ZodType>(
	c: SandboxContext,
	schema: S,
): Promise<{ ok: true; value: z.output<S> } | { ok: false; response: Response }> {
	let raw: unknown = {};
	const text = await c.req.text();
	if (text.trim()) {
		try {
			raw = JSON.parse(text);
		} catch {
			return { ok: false, response: c.json({ errors: "Body is not valid JSON" }, 400) };
		}
	}
	const parsed = schema.safeParse(raw);
	if (!parsed.success) return { ok: false, response: c.json({ errors: parsed.error.issues }, 400) };
	return { ok: true, value: parsed.data };
}

export const store = (c: SandboxContext, shop: string) => c.env.STORES.getByName(shop);

export const registry = (c: SandboxContext) => c.env.REGISTRY.getByName("registry");

export const originOf = (c: SandboxContext) => new URL(c.req.url).origin;
