/**
 * Test and benchmark knobs under /__sandbox (not part of TikTok's API, unsigned).
 * Sellers are isolated: each has its own listings, limits, quota, faults and
 * webhook outbox. Bodies are validated with zod; bad input answers 400.
 */
import { Hono } from "hono";
import { z } from "zod";
import { SELLER_ID_PATTERN, randomHex } from "../auth/tokens.ts";
import { DEMO_SELLER_ID, type SandboxEnv, appCredentials } from "../env.ts";
import { REGIONS } from "../seller/profile.ts";
import { registry } from "../seller/registry.ts";

export const sandbox = new Hono<{ Bindings: SandboxEnv }>();

const rate = z.number().positive().max(100_000);
const Config = z.object({
	writeRatePerSecond: rate.optional(),
	readRatePerSecond: rate.optional(),
	dailyListingQuota: z.number().int().min(0).optional(),
	auditDelayMs: z.number().int().min(0).max(86_400_000).optional(),
	auditFailureRate: z.number().min(0).max(1).optional(),
	accessTokenTtlSeconds: z.number().int().positive().nullable().optional(),
});
const NewSeller = Config.extend({
	seller_id: z.string().regex(SELLER_ID_PATTERN).optional(),
	region: z.enum(REGIONS).optional(),
	name: z.string().min(1).max(100).optional(),
});
const Faults = z.object({
	errorRate: z.number().min(0).max(1).optional(),
	slowRate: z.number().min(0).max(1).optional(),
	slowMs: z.number().int().min(0).max(600_000).optional(),
	lostAnswerRate: z.number().min(0).max(1).optional(),
	seed: z.number().int().nullable().optional(),
});
const Seed = z.object({
	listings: z
		.array(
			z.object({
				title: z.string().min(1).max(255).optional(),
				seller_skus: z.array(z.string().min(1).max(50)).max(100),
				status: z
					.enum(["DRAFT", "PENDING", "FAILED", "ACTIVATE", "SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED", "FREEZE", "DELETED"])
					.optional(),
				external_product_id: z.string().min(1).max(100).optional(),
			}),
		)
		.min(1)
		.max(2000),
});
const Expire = z.object({ access_token: z.string().optional() });

async function parse<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T> | { error: string }> {
	const text = await req.text();
	let value: unknown = {};
	try {
		value = text.trim() ? JSON.parse(text) : {};
	} catch {
		return { error: "body is not JSON" };
	}
	const result = schema.safeParse(value);
	return result.success ? result.data : { error: z.prettifyError(result.error) };
}

const isError = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;
const notFound = (id: string) => ({ error: `unknown seller ${id}` });

sandbox.get("/health", (c) => c.json({ ok: true, app_key: appCredentials(c.env).appKey, demo_seller_id: DEMO_SELLER_ID }));

sandbox.post("/sellers", async (c) => {
	const input = await parse(c.req.raw, NewSeller);
	if (isError(input)) return c.json(input, 400);
	const { seller_id, ...options } = input;
	const sellerId = seller_id ?? `seller-${randomHex(6)}`;
	const { seller, tokens, created } = await c.env.SELLER.getByName(sellerId).provision(sellerId, options);
	await registry(c.env).add(sellerId);
	return c.json(
		{
			seller_id: seller.seller_id,
			shop_id: seller.shop_id,
			shop_cipher: seller.shop_cipher,
			shop_code: seller.shop_code,
			shop_name: seller.shop_name,
			region: seller.region,
			currency: seller.currency,
			warehouse_id: seller.warehouse_id,
			config: seller.config,
			app_key: appCredentials(c.env).appKey,
			...tokens,
		},
		created ? 201 : 200,
	);
});

sandbox.get("/sellers/:id", async (c) => {
	const id = c.req.param("id");
	const seller = await c.env.SELLER.getByName(id).info(id);
	return seller ? c.json(seller) : c.json(notFound(id), 404);
});

sandbox.post("/sellers/:id/config", async (c) => {
	const id = c.req.param("id");
	const patch = await parse(c.req.raw, Config);
	if (isError(patch)) return c.json(patch, 400);
	const seller = await c.env.SELLER.getByName(id).configure(id, patch);
	return seller ? c.json(seller) : c.json(notFound(id), 404);
});

sandbox.post("/sellers/:id/faults", async (c) => {
	const id = c.req.param("id");
	const config = await parse(c.req.raw, Faults);
	if (isError(config)) return c.json(config, 400);
	const faults = await c.env.SELLER.getByName(id).faults(id, config);
	return faults ? c.json(faults) : c.json(notFound(id), 404);
});

sandbox.delete("/sellers/:id/faults", async (c) => {
	const id = c.req.param("id");
	const faults = await c.env.SELLER.getByName(id).faults(id, {});
	return faults ? c.json(faults) : c.json(notFound(id), 404);
});

sandbox.post("/sellers/:id/audit/run", async (c) => {
	const id = c.req.param("id");
	const processed = await c.env.SELLER.getByName(id).runAuditsNow(id);
	return processed ? c.json({ processed }) : c.json(notFound(id), 404);
});

sandbox.post("/sellers/:id/quota/reset", async (c) => {
	const id = c.req.param("id");
	return (await c.env.SELLER.getByName(id).resetQuota(id)) ? c.json({ ok: true }) : c.json(notFound(id), 404);
});

sandbox.post("/sellers/:id/tokens/expire", async (c) => {
	const id = c.req.param("id");
	const input = await parse(c.req.raw, Expire);
	if (isError(input)) return c.json(input, 400);
	const expired = await c.env.SELLER.getByName(id).expireTokens(id, input.access_token);
	return expired === null ? c.json(notFound(id), 404) : c.json({ expired });
});

/** Listings made outside the app (Seller Center, another connector): no create call, no audit. */
sandbox.post("/sellers/:id/listings", async (c) => {
	const id = c.req.param("id");
	const input = await parse(c.req.raw, Seed);
	if (isError(input)) return c.json(input, 400);
	const ids = await c.env.SELLER.getByName(id).seed(id, input.listings);
	return ids ? c.json({ product_ids: ids }, 201) : c.json(notFound(id), 404);
});

sandbox.get("/sellers/:id/inspect", async (c) => {
	const id = c.req.param("id");
	const report = await c.env.SELLER.getByName(id).inspect(id);
	return report ? c.json(report) : c.json(notFound(id), 404);
});

sandbox.get("/sellers/:id/webhooks", async (c) => {
	const id = c.req.param("id");
	const since = Number(c.req.query("since") ?? 0) || 0;
	const deliveries = await c.env.SELLER.getByName(id).outbox(id, since);
	return deliveries ? c.json({ deliveries }) : c.json(notFound(id), 404);
});

const Reset = z.object({ seller_id: z.string().regex(SELLER_ID_PATTERN).optional() });

/**
 * Wipes every seller, or only `seller_id` when given (safe while other test files
 * run). A wiped seller is gone; the demo seller comes back, empty, on first use.
 */
sandbox.post("/reset", async (c) => {
	const input = await parse(c.req.raw, Reset);
	if (isError(input)) return c.json(input, 400);
	const ids = input.seller_id ? [input.seller_id] : [...new Set([...(await registry(c.env).list()), DEMO_SELLER_ID])];
	await Promise.all(ids.map((id) => c.env.SELLER.getByName(id).wipe()));
	if (input.seller_id) await registry(c.env).remove(input.seller_id);
	else await registry(c.env).clear();
	return c.json({ reset: ids.length });
});
