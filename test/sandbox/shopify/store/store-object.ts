/**
 * One Durable Object per shop domain (`STORES.getByName(shop)`), holding that
 * store's whole state in SQLite: catalogue, tokens, webhook subscriptions, the
 * query-cost bucket and the webhook outbox. Its methods are called over RPC by the
 * sandbox routes and answer `Reply` values the routes send as they are. Webhook
 * deliveries go out from the alarm, never inside the request that caused them.
 * @see https://developers.cloudflare.com/durable-objects/api/alarms/
 */
import { DurableObject } from "cloudflare:workers";
import { DEMO_SHOP } from "../catalog/generate";
import { reply, sandboxConfig, type Reply, type SandboxConfig, type SandboxEnv } from "../env";
import { executeGraphql } from "../graphql/execute";
import type { Args } from "../graphql/parse";
import { configureBucket, loadBucket, throttleStatus, type BucketConfig } from "./bucket";
import { loadState, materialise, type StoreOptions, type StoreState } from "./catalogue";
import { readMeta } from "./meta";
import { authorizeEndpoint, tokenEndpoint } from "./oauth";
import { deliverDue, listDeliveries, recordEvent, replayDeliveries, type DeliveryFilter, type ReplayRequest } from "./outbox";
import type { Weight } from "../catalog/types";
import type { ProductPatch } from "./changes";
import { ProductKnobs, type Emit, type NewProduct } from "./product-knobs";
import { applySchema } from "./schema";
import { createSubscription, enumForTopic, listSubscriptions, subscriptionNode, targetsFor } from "./subscriptions";
import { accessTokenScope, expireTokens, issueTokens } from "./tokens";

export const INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";

export type GraphqlCall = { token: string | null; apiVersion: string; query: string; variables: Args; origin: string };

export class StoreObject extends DurableObject<SandboxEnv> {
	private readonly sql = this.ctx.storage.sql;
	private readonly cfg: SandboxConfig = sandboxConfig(this.env);

	constructor(ctx: DurableObjectState, env: SandboxEnv) {
		super(ctx, env);
		applySchema(this.sql);
	}

	private state(shop: string): StoreState | null {
		const state = loadState(this.sql);
		if (state) return state.profile.shop === shop ? state : null;
		return shop === DEMO_SHOP ? materialise(this.ctx.storage, { shop }) : null;
	}

	private unknown(shop: string): Reply {
		return reply(404, { errors: "Not Found", sandbox: `Unknown store ${shop}: create it with POST /__sandbox/stores` });
	}

	private summary(state: StoreState) {
		const count = (table: string) => this.sql.exec<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).one().n;
		return {
			shop: state.profile.shop,
			name: state.info.name,
			seed: state.profile.seed,
			weightUnit: state.info.weightUnit,
			currencyCode: state.info.currencyCode,
			productCount: count("products"),
			installed: readMeta<boolean>(this.sql, "installed") ?? false,
			subscriptions: listSubscriptions(this.sql).map(subscriptionNode),
			deliveries: count("deliveries"),
			throttleStatus: throttleStatus(loadBucket(this.sql, Date.now())),
		};
	}

	private async wipe(): Promise<void> {
		await this.ctx.storage.deleteAlarm();
		await this.ctx.storage.deleteAll();
		applySchema(this.sql);
	}

	private emitter(state: StoreState): Emit {
		return async (topic, payload, extraHeaders) => {
			const targets = targetsFor(this.sql, topic, this.cfg.app);
			const deliveries = await recordEvent(
				this.sql,
				this.cfg.clientSecret,
				{ shop: state.profile.shop, topic, payload, triggeredAtMs: Date.now(), extraHeaders },
				targets,
			);
			if (deliveries.length) {
				const alarm = await this.ctx.storage.getAlarm();
				if (alarm === null || alarm > Date.now()) await this.ctx.storage.setAlarm(Date.now());
			}
			return deliveries.map((d) => ({ id: d.id, eventId: d.eventId, topic: d.topic, url: d.url }));
		};
	}

	async alarm(): Promise<void> {
		const next = await deliverDue(this.sql, Date.now());
		if (next !== null) await this.ctx.storage.setAlarm(Math.max(next, Date.now()));
	}

	async createStore(opts: StoreOptions & { replace?: boolean }): Promise<Reply> {
		const existing = loadState(this.sql);
		if (existing && !opts.replace) return reply(200, { created: false, ...this.summary(existing) });
		if (existing || opts.replace) await this.wipe();
		return reply(201, { created: true, ...this.summary(materialise(this.ctx.storage, opts)) });
	}

	async reset(): Promise<void> {
		await this.wipe();
	}

	/** Back to the freshly generated catalogue, keeping the store's profile (seed, size, units). */
	async resetStore(shop: string): Promise<Reply> {
		const state = this.state(shop);
		if (!state) return this.unknown(shop);
		const { profile, info } = state;
		await this.wipe();
		const opts = {
			shop,
			productCount: profile.productCount,
			seed: profile.seed,
			weightUnit: profile.weightUnit,
			name: info.name,
			currencyCode: info.currencyCode,
		};
		return reply(200, { reset: true, ...this.summary(materialise(this.ctx.storage, opts)) });
	}

	async describe(shop: string): Promise<Reply> {
		const state = this.state(shop);
		return state ? reply(200, this.summary(state)) : this.unknown(shop);
	}

	async graphql(shop: string, call: GraphqlCall): Promise<Reply> {
		const state = this.state(shop);
		if (!state) return this.unknown(shop);
		const nowMs = Date.now();
		const scope = call.token ? accessTokenScope(this.sql, call.token, nowMs) : null;
		if (scope === null) return reply(401, { errors: INVALID_TOKEN });
		const { info, profile, collections } = state;
		const base = { sql: this.sql, info, slot: profile.slot, origin: call.origin, apiVersion: call.apiVersion, scope, collections, nowMs };
		return reply(200, executeGraphql({ query: call.query, variables: call.variables }, base));
	}

	async accessToken(shop: string, body: Record<string, unknown>): Promise<Reply> {
		return this.state(shop) ? tokenEndpoint(this.sql, this.cfg, shop, body, Date.now()) : this.unknown(shop);
	}

	async authorize(shop: string, params: Record<string, string>): Promise<Reply> {
		return this.state(shop) ? authorizeEndpoint(this.sql, this.cfg, shop, params, Date.now()) : this.unknown(shop);
	}

	async mintToken(shop: string, expiring: boolean): Promise<Reply> {
		return this.state(shop) ? reply(201, issueTokens(this.sql, this.cfg.scopes, expiring, Date.now())) : this.unknown(shop);
	}

	async expireTokens(shop: string, includeRefresh: boolean): Promise<Reply> {
		return this.state(shop) ? reply(200, { expired: expireTokens(this.sql, includeRefresh, Date.now()) }) : this.unknown(shop);
	}

	async setThrottle(shop: string, patch: Partial<BucketConfig> & { currentlyAvailable?: number }): Promise<Reply> {
		if (!this.state(shop)) return this.unknown(shop);
		const bucket = configureBucket(this.sql, patch, Date.now());
		return reply(200, { throttleStatus: throttleStatus(bucket), maxQueryCost: bucket.maxQueryCost });
	}

	async subscribe(shop: string, topic: string, uri: string, apiVersion?: string): Promise<Reply> {
		const state = this.state(shop);
		if (!state) return this.unknown(shop);
		const result = createSubscription(this.sql, state.profile.slot, topic, uri, apiVersion ?? this.cfg.apiVersion, Date.now());
		return result.ok
			? reply(201, subscriptionNode(result.subscription))
			: reply(422, { userErrors: [{ field: result.field, message: result.message }], topic: enumForTopic(topic) });
	}

	private knobs(shop: string, origin: string): ProductKnobs | null {
		const state = this.state(shop);
		return state ? new ProductKnobs(this.sql, state, origin, this.emitter(state)) : null;
	}

	// Merchant-side edits and app lifecycle events; each one sends its webhooks.
	async createProduct(shop: string, origin: string, input: NewProduct): Promise<Reply> {
		return this.knobs(shop, origin)?.createProduct(input) ?? this.unknown(shop);
	}

	async updateProduct(shop: string, origin: string, id: number, patch: ProductPatch): Promise<Reply> {
		return this.knobs(shop, origin)?.updateProduct(id, patch) ?? this.unknown(shop);
	}

	async deleteProduct(shop: string, origin: string, id: number): Promise<Reply> {
		return this.knobs(shop, origin)?.deleteProduct(id) ?? this.unknown(shop);
	}

	async updateInventoryItem(shop: string, origin: string, id: number, weight: Weight | null): Promise<Reply> {
		return this.knobs(shop, origin)?.updateInventoryItem(id, weight) ?? this.unknown(shop);
	}

	async uninstall(shop: string, origin: string): Promise<Reply> {
		return this.knobs(shop, origin)?.uninstall() ?? this.unknown(shop);
	}

	async trigger(shop: string, origin: string, topic: string, payload?: unknown): Promise<Reply> {
		return this.knobs(shop, origin)?.trigger(topic, payload) ?? this.unknown(shop);
	}

	async deliveries(shop: string, filter: DeliveryFilter): Promise<Reply> {
		return this.state(shop) ? reply(200, listDeliveries(this.sql, filter)) : this.unknown(shop);
	}

	async replay(shop: string, req: ReplayRequest): Promise<Reply> {
		return this.state(shop) ? reply(200, { sent: await replayDeliveries(this.sql, req) }) : this.unknown(shop);
	}
}
