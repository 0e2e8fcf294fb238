/**
 * One Durable Object per sandbox seller (`SELLER.getByName(seller_id)`): its shop,
 * credentials, listings, media, webhooks, limits, faults and counters, all in the
 * object's SQLite storage. Calls run one at a time, so limits and quotas are exact
 * and never shared between sellers. The Worker has already checked the request
 * signature; this object checks the token and shop_cipher, applies the rate
 * limit and faults, runs the endpoint and queues webhooks.
 * @see https://developers.cloudflare.com/durable-objects/
 */
import { DurableObject } from "cloudflare:workers";
import { DEMO_SELLER_ID, type SandboxEnv, accessTokenTtl, appCredentials } from "../env.ts";
import { ENDPOINTS } from "../gateway/endpoints.ts";
import { type Answer, fail, renderBody } from "../http/envelope.ts";
import { mediaBytes, mediaInfo } from "../media/store.ts";
import { nextAuditAt, runAudits } from "../products/audit.ts";
import { type SeedListing, seedListings } from "../products/seed.ts";
import { deliverPending, outboxEntries, recordNotifications } from "../webhooks/outbox.ts";
import type { ApiCall, ApiResult, SellerContext } from "./context.ts";
import {
	type TokenAnswer,
	accessTokenState,
	exchangeCode,
	expireAccessTokens,
	issueAuthCode,
	issueTokens,
	refreshTokens,
} from "./credentials.ts";
import { HANDLERS } from "./dispatch.ts";
import { type FaultConfig, drawFault, setFaults } from "./faults.ts";
import { inspect } from "./inspect.ts";
import { countRejection, countSecond, resetQuota, takeRateSlot } from "./limits.ts";
import { type ProvisionInput, type SellerConfig, type SellerProfile, loadProfile, newProfile, saveProfile } from "./profile.ts";
import { createSchema } from "./schema.ts";

const INVALID_TOKEN = "Invalid credentials. The `x-tts-access-token` header is invalid.";

export class SellerStore extends DurableObject<SandboxEnv> {
	private readonly sql = this.ctx.storage.sql;

	constructor(ctx: DurableObjectState, env: SandboxEnv) {
		super(ctx, env);
		createSchema(this.sql);
	}

	/** The seller, provisioning the demo seller on first use. */
	private seller(sellerId: string): SellerProfile | null {
		const existing = loadProfile(this.sql);
		if (existing || sellerId !== DEMO_SELLER_ID) return existing;
		const demo = newProfile(DEMO_SELLER_ID, {}, Date.now());
		saveProfile(this.sql, demo);
		return demo;
	}

	private context(seller: SellerProfile, origin: string, nowMs = Date.now()): SellerContext {
		return { sql: this.sql, seller, nowMs, origin, events: [] };
	}

	private tokenTtl(seller: SellerProfile): number {
		return seller.config.accessTokenTtlSeconds ?? accessTokenTtl(this.env);
	}

	/** Turns queued events into webhooks, sends pending ones and arms the alarm for the next audit. */
	private async finish(ctx: SellerContext): Promise<void> {
		if (ctx.events.length > 0) {
			const { appKey, appSecret } = appCredentials(this.env);
			await recordNotifications(ctx, appKey, appSecret);
			this.ctx.waitUntil(deliverPending(this.sql));
		}
		const next = nextAuditAt(this.sql);
		if (next !== null) await this.ctx.storage.setAlarm(Math.max(next, Date.now()));
	}

	async provision(sellerId: string, input: ProvisionInput): Promise<{ seller: SellerProfile; tokens: TokenAnswer; created: boolean }> {
		const existing = loadProfile(this.sql);
		const seller = existing ?? newProfile(sellerId, input, Date.now());
		if (!existing) saveProfile(this.sql, seller);
		return { seller, tokens: issueTokens(this.sql, seller, this.tokenTtl(seller), Date.now()), created: !existing };
	}

	async info(sellerId: string): Promise<SellerProfile | null> {
		return this.seller(sellerId);
	}

	async api(call: ApiCall): Promise<ApiResult> {
		const seller = this.seller(call.sellerId);
		if (!seller) return { status: 401, body: renderBody(fail(36009004, INVALID_TOKEN, 401), call.requestId), headers: {}, delayMs: 0 };
		const ctx = this.context(seller, call.origin);
		runAudits(ctx, false);
		let delayMs = 0;
		const answer = await (async (): Promise<Answer> => {
			const endpoint = ENDPOINTS.find((e) => e.name === call.endpoint)!;
			const token = accessTokenState(this.sql, call.token, ctx.nowMs);
			if (token === "unknown") return fail(36009004, INVALID_TOKEN, 401);
			if (token === "expired") return fail(105002);
			const cipher = call.query.shop_cipher;
			if (endpoint.shopCipher === "required" && !cipher) return fail(106013);
			if (endpoint.shopCipher === "forbidden" && cipher !== undefined) {
				return fail(36009004, "Unexpected identifier. The `shop_cipher` query parameter is not required for this request.", 400);
			}
			if (endpoint.shopCipher === "required" && cipher !== seller.shop_cipher) {
				return fail(36009004, "Invalid identifier. The `shop_cipher` query parameter is invalid.", 400);
			}
			const isWrite = endpoint.kind === "write";
			// Counted at the gateway's arrival time, like TikTok's gateway; not when this object gets to it.
			const arrived = Math.min(call.arrivedAt, ctx.nowMs);
			const slot = takeRateSlot(
				this.sql,
				endpoint.kind,
				isWrite ? seller.config.writeRatePerSecond : seller.config.readRatePerSecond,
				arrived,
			);
			if (!slot.allowed) {
				countSecond(this.sql, "limited", arrived);
				return { ...fail(36009002), headers: { "retry-after": String(slot.retryAfterSeconds) } };
			}
			countSecond(this.sql, isWrite ? "writes" : "reads", arrived);
			const fault = drawFault(this.sql, isWrite);
			if (fault.decision === "error") return fail(36009003);
			delayMs = fault.delayMs;
			return HANDLERS[call.endpoint](ctx, call);
		})();
		if (answer.code !== 0) countRejection(this.sql, answer.code);
		await this.finish(ctx);
		return { status: answer.status, body: renderBody(answer, call.requestId), headers: answer.headers ?? {}, delayMs };
	}

	/** Gateway refusals (signature, timestamp) still count for this seller. */
	async recordRejection(code: number): Promise<void> {
		countRejection(this.sql, code);
	}

	async authorize(sellerId: string): Promise<string | null> {
		const seller = this.seller(sellerId);
		return seller ? issueAuthCode(this.sql, seller, Date.now()) : null;
	}

	async exchange(sellerId: string, code: string): Promise<TokenAnswer | null> {
		const seller = this.seller(sellerId);
		return seller ? exchangeCode(this.sql, seller, code, this.tokenTtl(seller), Date.now()) : null;
	}

	async refresh(sellerId: string, refreshToken: string): Promise<TokenAnswer | null> {
		const seller = this.seller(sellerId);
		return seller ? refreshTokens(this.sql, seller, refreshToken, this.tokenTtl(seller), Date.now()) : null;
	}

	async configure(sellerId: string, patch: Partial<SellerConfig>): Promise<SellerProfile | null> {
		const seller = this.seller(sellerId);
		if (!seller) return null;
		seller.config = { ...seller.config, ...patch };
		saveProfile(this.sql, seller);
		return seller;
	}

	async faults(sellerId: string, config: Partial<FaultConfig>): Promise<FaultConfig | null> {
		return this.seller(sellerId) ? setFaults(this.sql, config) : null;
	}

	async runAuditsNow(sellerId: string): Promise<string[] | null> {
		const seller = this.seller(sellerId);
		if (!seller) return null;
		const ctx = this.context(seller, "");
		const done = runAudits(ctx, true);
		await this.finish(ctx);
		return done;
	}

	async resetQuota(sellerId: string): Promise<boolean> {
		if (!this.seller(sellerId)) return false;
		resetQuota(this.sql, Date.now());
		return true;
	}

	async expireTokens(sellerId: string, token?: string): Promise<number | null> {
		return this.seller(sellerId) ? expireAccessTokens(this.sql, Date.now(), token) : null;
	}

	/** Listings made outside the app (see products/seed.ts); null for an unknown seller. */
	async seed(sellerId: string, listings: SeedListing[]): Promise<string[] | null> {
		const seller = this.seller(sellerId);
		return seller ? seedListings(this.sql, listings, seller.warehouse_id, seller.currency) : null;
	}

	async inspect(sellerId: string) {
		const seller = this.seller(sellerId);
		return seller ? inspect(this.sql, seller, Date.now()) : null;
	}

	async outbox(sellerId: string, sinceSeq: number) {
		return this.seller(sellerId) ? outboxEntries(this.sql, sinceSeq) : null;
	}

	async media(id: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
		const info = mediaInfo(this.sql, id);
		const bytes = info ? mediaBytes(this.sql, id) : null;
		return info && bytes ? { bytes, contentType: info.content_type } : null;
	}

	async wipe(): Promise<void> {
		await this.ctx.storage.deleteAlarm();
		await this.ctx.storage.deleteAll();
		createSchema(this.sql);
	}

	async alarm(): Promise<void> {
		const seller = loadProfile(this.sql);
		if (!seller) return;
		const ctx = this.context(seller, "");
		runAudits(ctx, false);
		await this.finish(ctx);
	}
}
