/**
 * TikTok's answers kept whole, through the real Worker, D1 and queue against
 * the sandboxes: the brand-cleared warning shows on the product in the API; a
 * create whose answer is lost, with the audit webhooks arriving before the app
 * knows the TikTok id, ends Live without any cron; a single-SKU product is sent
 * without sales_attributes; a sold-out product fails OUT_OF_STOCK during a
 * quota pause.
 */
import { env, exports } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { QueueMessage } from "../worker/jobs/messages";
import { replayDelivery, runQueuedJobs, sandbox, sandboxDeliveries, spyOnSyncQueue } from "./support/shopify";
import {
	api,
	deliver,
	inspectSeller,
	type Json,
	plainLeaf,
	sellerFaults,
	setUpShop,
	type SyncShop,
	syncRows,
	templateBodyFor,
} from "./support/sync";

/** A brand id TikTok does not know: it accepts the create and clears the field with a warning. */
const UNKNOWN_BRAND = "7000000000000000001";

let ctx: SyncShop;
let messages: QueueMessage[] = [];

async function knob(path: string, body: unknown = {}) {
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${ctx.sellerId}/${path}`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify(body),
	});
	expect(res.status, await res.clone().text()).toBe(200);
}

/** Every TikTok webhook the sandbox sent since `since`, into the app, signed as TikTok signs them. */
async function deliverTikTokWebhooks(since: number): Promise<number> {
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${ctx.sellerId}/webhooks?since=${since}`);
	const { deliveries } = await res.json<{ deliveries: { seq: number; headers: Record<string, string>; body: string }[] }>();
	for (const delivery of deliveries) {
		const answer = await exports.default.fetch("http://app.test/webhooks/tiktok", {
			method: "POST",
			headers: delivery.headers,
			body: delivery.body,
		});
		expect(answer.status).toBe(200);
	}
	return deliveries.at(-1)?.seq ?? since;
}

async function pauseQuota(paused: boolean) {
	await env.DB.prepare("UPDATE shops SET listing_quota_paused_until = ? WHERE id = ?")
		.bind(paused ? Date.now() + 3_600_000 : null, ctx.shop)
		.run();
}

/** A new Shopify product, delivered as its products/create webhook and run through the jobs it queues. */
async function newShopifyProduct(product: Json): Promise<{ gid: string; id: string }> {
	const created = await sandbox().createProduct(ctx.shop, {
		descriptionHtml: "<p>Hand poured.</p>",
		vendor: "Glow Co",
		productType: "Candles",
		tags: ["candle"],
		images: [{ width: 800, height: 800 }],
		...product,
	});
	expect(created.status, JSON.stringify(created.body)).toBe(201);
	const gid: string = created.body.product.id;
	const [delivery] = (await sandboxDeliveries(ctx.shop, { topic: "products/create" })).filter(
		(d) => JSON.parse(d.body).admin_graphql_api_id === gid,
	);
	const queue = spyOnSyncQueue();
	expect((await replayDelivery(delivery)).status).toBe(200);
	await runQueuedJobs(queue, ["product.complete", "product.changed", "sync.product"]);
	vi.restoreAllMocks();
	return { gid, id: gid.split("/").pop()! };
}

beforeAll(async () => {
	ctx = await setUpShop("answers", { productCount: 4, seller: { auditDelayMs: 3_600_000 } });
	const category = await plainLeaf(ctx.shop, "candle");
	const body = await templateBodyFor(ctx.shop, category);
	const template = await api(ctx.shop, "POST", "/api/templates", {
		...body,
		name: "Default",
		isDefault: true,
		extra: { ...body.extra, brandId: UNKNOWN_BRAND },
	});
	expect(template.status, JSON.stringify(template.body)).toBe(201);
	const queue = spyOnSyncQueue();
	expect((await api(ctx.shop, "POST", `/api/templates/${template.body.id}/activate`)).status).toBe(202);
	await runQueuedJobs(queue, ["sync.fanout"]);
	messages = queue.messages().filter((m) => m.type === "sync.product");
	vi.restoreAllMocks();
}, 120_000);

afterEach(() => {
	vi.restoreAllMocks();
});

describe("TikTok's answers", () => {
	it("a create whose answer is lost, with the audit webhooks first, ends Live once TikTok says live", async () => {
		const message = messages[0] as QueueMessage & { productId: string };
		const gid = `gid://shopify/Product/${message.productId}`;
		const onTikTok = async () => ((await inspectSeller(ctx.sellerId)).listings as Json[]).find((l) => l.external_product_id === gid);
		// Image uploads are writes too: a first attempt during a quota pause builds the listing (hosting its
		// images) and waits, so the create is the only write left to lose.
		await pauseQuota(true);
		expect(await deliver(message, 1)).toEqual({ acked: true, retried: false });
		expect((await syncRows(ctx.shop)).find((r) => r.product_id === message.productId)?.sync_state).toBe("waiting_quota");
		await pauseQuota(false);
		await sellerFaults(ctx.sellerId, { lostAnswerRate: 1, slowMs: 3000, seed: 1 });
		expect(await deliver(message, 2)).toEqual({ acked: false, retried: true });
		await sellerFaults(ctx.sellerId, {});
		const listing = await onTikTok();
		expect(listing, "the sandbox created the listing").toBeDefined();
		const before = (await syncRows(ctx.shop)).find((r) => r.product_id === message.productId);
		expect(before).toMatchObject({ sync_state: "queued", tiktok_product_id: null });

		// TikTok approves it and says so before the app knows the id: the review refresh matches no row.
		await knob("audit/run");
		const queue = spyOnSyncQueue();
		await deliverTikTokWebhooks(0);
		const refreshes = await runQueuedJobs(queue, ["review.refresh"]);
		expect(refreshes.length).toBeGreaterThan(0);
		vi.restoreAllMocks();
		expect((await syncRows(ctx.shop)).find((r) => r.product_id === message.productId)?.tiktok_product_id).toBeNull();

		// The retry adopts the listing with the state TikTok gives it now; nothing else runs.
		expect(await deliver(message, 3)).toEqual({ acked: true, retried: false });
		const row = (await syncRows(ctx.shop)).find((r) => r.product_id === message.productId);
		expect(row).toMatchObject({ sync_state: "synced", review_state: "live", tiktok_product_id: listing!.product_id });
		const page = await api<{ product: Json; sync: { badge: string } }>(ctx.shop, "GET", `/api/products/${message.productId}`);
		expect(page.body.sync.badge).toBe("live");
		expect((await inspectSeller(ctx.sellerId)).duplicates).toBe(0);
	});

	it("TikTok's brand-cleared warning is stored on each created product and answered by the products API", async () => {
		for (const message of messages.slice(1)) await deliver(message);
		const page = await api<{
			products: { id: string; badge: string; tiktokProductId: string | null; warnings: { field: string | null; message: string }[] }[];
		}>(ctx.shop, "GET", "/api/products?limit=100");
		const created = page.body.products.filter(
			(p) => p.tiktokProductId && messages.slice(1).some((m) => (m as { productId: string }).productId === p.id),
		);
		expect(created.length).toBeGreaterThan(0);
		for (const product of created) {
			expect(product.badge).toBe("in_review");
			expect(product.warnings).toEqual([
				{
					field: "brand_id",
					message: expect.stringContaining(`[brand_id]:${UNKNOWN_BRAND} field is incorrect and has been automatically cleared`),
				},
			]);
		}
		const one = await api<{ sync: { warnings: unknown[] } }>(ctx.shop, "GET", `/api/products/${created[0].id}`);
		expect(one.body.sync.warnings).toEqual(created[0].warnings);
	});

	it("a later clean edit clears the warnings the create left", async () => {
		const listed = (await syncRows(ctx.shop)).find((r) => r.tiktok_product_id && r.review_state === "in_review")!;
		const warningsOf = async () =>
			(await api<{ sync: { warnings: { field: string | null }[] } }>(ctx.shop, "GET", `/api/products/${listed.product_id}`)).body.sync
				.warnings;
		expect(await warningsOf()).toHaveLength(1);
		// TikTok cleared the brand on create, so a partial edit of the content comes back without a warning.
		expect(await deliver({ type: "sync.push", shopId: ctx.shop, productId: listed.product_id, what: "content" })).toEqual({
			acked: true,
			retried: false,
		});
		expect(await warningsOf()).toEqual([]);
	});

	it("a product with one SKU is sent without sales_attributes", async () => {
		const { gid, id } = await newShopifyProduct({
			title: "Amber Candle One Colour",
			optionNames: ["Color"],
			variants: [{ options: ["Amber"], price: "12.00", sku: "AMBER-ONE", inventoryQuantity: 4 }],
		});
		expect((await syncRows(ctx.shop)).find((r) => r.product_id === id)?.sync_state).toBe("synced");
		const listings = (await inspectSeller(ctx.sellerId)).listings as Json[];
		const listing = listings.find((l) => l.external_product_id === gid);
		expect(listing, "the sandbox has the listing").toBeDefined();
		// The exact body the sandbox received.
		const sent = JSON.parse(listing!.create_payload as string) as { skus: Json[] };
		expect(sent.skus).toHaveLength(1);
		expect(sent.skus[0]).not.toHaveProperty("sales_attributes");
		// Nor did any other single-SKU create of this run break the rule.
		expect((await inspectSeller(ctx.sellerId)).rule_breaks).toEqual({ single_sku_sales_attributes: 0 });
	});

	it("a sold-out product fails OUT_OF_STOCK at once while the shop's quota is paused", async () => {
		await pauseQuota(true);
		try {
			const { id } = await newShopifyProduct({
				title: "Sold Out Candle",
				optionNames: ["Title"],
				variants: [{ options: ["Default Title"], price: "9.00", sku: "SOLD-OUT-1", inventoryQuantity: 0 }],
			});
			expect((await syncRows(ctx.shop)).find((r) => r.product_id === id)).toMatchObject({
				sync_state: "failed",
				last_error_code: "OUT_OF_STOCK",
			});
		} finally {
			await pauseQuota(false);
		}
	});
});
