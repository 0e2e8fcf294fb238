/**
 * Shopify-side helpers for tests that run inside workerd (any feature may reuse them):
 * - `sessionFor(shop)`: an Authorization header with a session token as App Bridge mints it;
 * - `installShop(shop)`: installs a shop through the app's own POST /api/session,
 *   against the Shopify sandbox (token exchange, shop query, webhooks, import);
 * - `seedInstalledShop(shop)`: the shops row an install leaves, without the sandbox;
 * - `deliverWebhook(...)`: a signed webhook, exactly as Shopify sends it, into the Worker;
 * - `sandboxDeliveries(shop)` / `replayDelivery(d)`: the sandbox's outbox of signed
 *   webhooks, replayed byte for byte into the Worker;
 * - `spyOnSyncQueue()`: what the Worker enqueued, and `runQueuedJobs()` to run those jobs;
 * - `shopRowCounts(shop)`: rows per table.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { count, eq, getTableName } from "drizzle-orm";
import { decode, sign } from "hono/jwt";
import { vi } from "vitest";
import worker from "../../worker/index";
import { mintSessionToken } from "../../worker/auth/session-token";
import { sealSecret } from "../../worker/crypto/secret-box";
import { createDb } from "../../worker/db/client";
import { shops } from "../../worker/db/schema";
import type { QueueMessage } from "../../worker/jobs/messages";
import { SHOP_TABLES } from "../../worker/shopify/purge/purge-shop";
import { signWebhookBody } from "../../worker/shopify/webhooks/verify";
import { DEMO_SHOP, type Delivery, shopifySandbox } from "../sandbox/shopify/client";
import { TEST_SECRETS } from "./secrets";

export const APP = "http://app.test";

export type SessionOptions = {
	secret?: string;
	clientId?: string;
	nowSeconds?: number;
	ttlSeconds?: number;
	/** Claims to override in App Bridge's set (iss, dest, aud, exp, ...). */
	claims?: Record<string, unknown>;
};

/** `{ Authorization: "Bearer <jwt>" }` for `shop`, signed with the app's secret unless told otherwise. */
export async function sessionFor(shop: string, options: SessionOptions = {}): Promise<{ Authorization: string }> {
	const secret = options.secret ?? TEST_SECRETS.SHOPIFY_API_SECRET;
	let token = await mintSessionToken(
		shop,
		{ clientId: options.clientId ?? TEST_SECRETS.SHOPIFY_API_KEY, secret },
		options.nowSeconds,
		options.ttlSeconds,
	);
	if (options.claims) token = await sign({ ...decode(token).payload, ...options.claims }, secret, "HS256");
	return { Authorization: `Bearer ${token}` };
}

export type InstallResult = { shop: string; installed: true; importId: string | null };

/** The Shopify sandbox's client (knobs, outbox, GraphQL), on the URL the Worker under test uses. */
export const sandbox = () => shopifySandbox(env.SHOPIFY_ADMIN_BASE);

/**
 * The sandbox seeds a store's catalogue from its domain unless told otherwise, and
 * about one random store in ten then has a product with every variant sold out,
 * which cannot be listed. Test stores share this seed instead: their catalogues
 * are the same on every run (up to 40 products, every active one has stock).
 */
export const TEST_STORE_SEED = "test-store-2";

/**
 * Installs `shop` through the app's own POST /api/session (token exchange, shop
 * query, webhook subscriptions, import start), against the sandbox. A store other
 * than the demo store is created in the sandbox first (`productCount`, default 12;
 * an existing store is kept). The import's first page goes to the sync queue:
 * spy on it (`spyOnSyncQueue()`) to keep the import from running. Throws with the
 * body on failure.
 */
export async function installShop(shop: string, init: { force?: boolean; productCount?: number } = {}): Promise<InstallResult> {
	if (shop !== DEMO_SHOP) {
		const created = await sandbox().createStore({ shop, productCount: init.productCount ?? 12, seed: TEST_STORE_SEED });
		if (created.status >= 300) throw new Error(`sandbox store ${shop}: ${created.status} ${JSON.stringify(created.body)}`);
	}
	const res = await exports.default.fetch(`${APP}/api/session${init.force ? "?force=1" : ""}`, {
		method: "POST",
		headers: await sessionFor(shop),
	});
	const text = await res.text();
	if (res.status !== 200) throw new Error(`POST /api/session for ${shop} answered ${res.status}: ${text}`);
	return JSON.parse(text) as InstallResult;
}

export type WebhookOptions = {
	webhookId?: string;
	eventId?: string | null;
	triggeredAt?: string;
	secret?: string;
	apiVersion?: string;
	/** Header overrides; `null` removes a header. */
	headers?: Record<string, string | null>;
};

/** The headers Shopify sends with a webhook of `topic` for `shop`, signed over `body`. */
export async function webhookHeaders(
	topic: string,
	shop: string,
	body: string | Uint8Array,
	options: WebhookOptions = {},
): Promise<Headers> {
	const headers = new Headers({
		"content-type": "application/json",
		"x-shopify-topic": topic,
		"x-shopify-hmac-sha256": await signWebhookBody(body, options.secret ?? TEST_SECRETS.SHOPIFY_API_SECRET),
		"x-shopify-shop-domain": shop,
		"x-shopify-api-version": options.apiVersion ?? "2026-01",
		"x-shopify-webhook-id": options.webhookId ?? crypto.randomUUID(),
		"x-shopify-triggered-at": options.triggeredAt ?? new Date().toISOString(),
	});
	const eventId = options.eventId === undefined ? crypto.randomUUID() : options.eventId;
	if (eventId !== null) headers.set("x-shopify-event-id", eventId);
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		if (value === null) headers.delete(name);
		else headers.set(name, value);
	}
	return headers;
}

/** POSTs a signed webhook into the Worker (exports.default.fetch), as Shopify would. */
export async function deliverWebhook(
	topic: string,
	shop: string,
	body: string | Uint8Array,
	options: WebhookOptions = {},
): Promise<Response> {
	return exports.default.fetch(`${APP}/webhooks/shopify`, {
		method: "POST",
		headers: await webhookHeaders(topic, shop, body, options),
		body,
	});
}

/** Every webhook the sandbox signed for `shop`, oldest first (its outbox). */
export async function sandboxDeliveries(shop: string, filter: { topic?: string; limit?: number } = {}): Promise<Delivery[]> {
	const res = await sandbox().deliveries(shop, { limit: 1000, ...filter });
	if (res.status !== 200) throw new Error(`sandbox deliveries for ${shop}: ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
}

/** Replays one recorded delivery, byte for byte, into the Worker. */
export function replayDelivery(delivery: Pick<Delivery, "url" | "headers" | "body">): Promise<Response> {
	const path = new URL(delivery.url).pathname;
	return exports.default.fetch(`${APP}${path}`, { method: "POST", headers: delivery.headers, body: delivery.body });
}

/**
 * A shops row as an install leaves it (sealed dummy tokens, installed now), for
 * tests of webhooks and jobs that do not need the sandbox's token exchange.
 */
export async function seedInstalledShop(shop: string, overrides: Partial<typeof shops.$inferInsert> = {}): Promise<void> {
	const now = Date.now();
	const seal = (value: string) => sealSecret(value, shop, TEST_SECRETS.TOKEN_ENCRYPTION_KEY);
	await createDb(env.DB)
		.insert(shops)
		.values({
			id: shop,
			name: shop.split(".")[0],
			currency: "USD",
			weightUnit: "kg",
			shopifyAccessTokenEnc: await seal("shpat_seeded"),
			shopifyRefreshTokenEnc: await seal("shprt_seeded"),
			shopifyTokenExpiresAt: now + 3_600_000,
			shopifyRefreshExpiresAt: now + 90 * 86_400_000,
			shopifyScopes: "read_products,read_inventory",
			installedAt: now - 60_000,
			createdAt: now,
			updatedAt: now,
			...overrides,
		})
		.onConflictDoNothing();
}

/** How many rows `shop` has in each table (every table that holds shop rows). */
export async function shopRowCounts(shop: string): Promise<Record<string, number>> {
	const db = createDb(env.DB);
	const counts: Record<string, number> = {};
	for (const { table, shopColumn } of SHOP_TABLES) {
		const [row] = await db.select({ n: count() }).from(table).where(eq(shopColumn, shop));
		counts[getTableName(table)] = row.n;
	}
	return counts;
}

/**
 * Spies on the sync queue (the platform boundary): by default the messages are
 * swallowed so no consumer runs; `passThrough` also sends them to the real queue.
 * `requests()` / `messages()` list everything sent through `send` or `sendBatch`,
 * in order; the list is the spy's own, so vitest clearing mock calls between
 * tests does not lose it.
 */
export function spyOnSyncQueue(options: { passThrough?: boolean } = {}) {
	const queue = env.SYNC_QUEUE;
	const original = { send: queue.send.bind(queue), sendBatch: queue.sendBatch.bind(queue) };
	const log: { body: QueueMessage; delaySeconds?: number }[] = [];
	const send = vi.spyOn(queue, "send").mockImplementation(async (body, opts) => {
		log.push({ body: body as QueueMessage, delaySeconds: opts?.delaySeconds });
		return options.passThrough ? original.send(body, opts) : (undefined as never);
	});
	const sendBatch = vi.spyOn(queue, "sendBatch").mockImplementation(async (messages, opts) => {
		const list = [...messages];
		for (const m of list) log.push({ body: m.body as QueueMessage, delaySeconds: m.delaySeconds ?? opts?.delaySeconds });
		return options.passThrough ? original.sendBatch(list, opts) : (undefined as never);
	});
	return {
		send,
		sendBatch,
		requests: () => [...log],
		messages: () => log.map((r) => r.body),
		/** How many of `requests()` runQueuedJobs() has gone through. */
		consumed: 0,
	};
}

export type JobRun = { body: QueueMessage; acked: boolean; retryDelaySeconds?: number };

/**
 * Runs, one by one and in order, the messages of `types` the Worker enqueued
 * (seen through `spyOnSyncQueue()`), through the real queue handler; the
 * messages those runs enqueue are run too. Delays are not waited for. Stops at
 * the first message that asks to be retried, or after `maxMessages` (bounded).
 */
export async function runQueuedJobs(
	queue: ReturnType<typeof spyOnSyncQueue>,
	types: QueueMessage["type"][],
	maxMessages = 200,
): Promise<JobRun[]> {
	const runs: JobRun[] = [];
	// Where the previous call stopped: each enqueued message runs at most once.
	let seen = queue.consumed;
	for (let ran = 0; ran < maxMessages; ) {
		const pending = queue.requests();
		if (seen >= pending.length) break;
		const { body } = pending[seen++];
		if (!types.includes(body.type)) continue;
		ran++;
		const id = `run-${seen}`;
		const batch = createMessageBatch("sync-jobs", [{ id, timestamp: new Date(), attempts: 1, body }]);
		// getQueueResult() (vitest-plugin 1.5) reports a retry but drops its delaySeconds: read it from the call.
		const retrySpy = vi.spyOn(batch.messages[0], "retry");
		const ctx = createExecutionContext();
		await worker.queue(batch, env, ctx);
		const result = await getQueueResult(batch, ctx);
		const retried = result.retryMessages.some((m) => m.msgId === id);
		runs.push({
			body,
			acked: result.explicitAcks.includes(id),
			retryDelaySeconds: retried ? retrySpy.mock.calls[0]?.[0]?.delaySeconds : undefined,
		});
		if (retried) break;
	}
	queue.consumed = seen;
	return runs;
}
