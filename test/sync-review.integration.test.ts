/**
 * After the first sync, TikTok's audit moves each product: its signed webhooks
 * (types 5 and 37, delivered more than once) reach /webhooks/tiktok, and the
 * product shows Live or Review failed with TikTok's reasons. A merchant's
 * re-sync of a review failure edits the existing listing (never a second one).
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import {
	api,
	editTemplate,
	inspectSeller,
	plainLeaf,
	setUpShop,
	settled,
	type SyncShop,
	syncRows,
	templateBodyFor,
	waitFor,
} from "./support/sync";

let ctx: SyncShop;
let templateId: string;

async function knob(path: string, body: unknown = {}) {
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${ctx.sellerId}/${path}`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify(body),
	});
	expect(res.status, await res.clone().text()).toBe(200);
	return res.json<Record<string, any>>();
}

/** Delivers every webhook the sandbox sent since `since`, twice, into the app; returns the last sequence number. */
async function deliverTikTokWebhooks(since: number): Promise<number> {
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${ctx.sellerId}/webhooks?since=${since}`);
	const { deliveries } = await res.json<{ deliveries: { seq: number; headers: Record<string, string>; body: string }[] }>();
	for (const delivery of [...deliveries, ...deliveries]) {
		const answer = await exports.default.fetch("http://app.test/webhooks/tiktok", {
			method: "POST",
			headers: delivery.headers,
			body: delivery.body,
		});
		expect(answer.status).toBe(200);
	}
	return deliveries.at(-1)?.seq ?? since;
}

beforeAll(async () => {
	ctx = await setUpShop("review", { productCount: 6, seller: { auditDelayMs: 3_600_000, auditFailureRate: 1 } });
	const category = await plainLeaf(ctx.shop, "candle");
	const template = await api(ctx.shop, "POST", "/api/templates", {
		...(await templateBodyFor(ctx.shop, category)),
		name: "Default",
		isDefault: true,
	});
	templateId = template.body.id;
	await api(ctx.shop, "POST", `/api/templates/${templateId}/activate`);
	await settled(ctx.shop);
}, 120_000);

describe("review states", () => {
	let seq = 0;

	it("a failed audit shows Review failed with TikTok's reasons", async () => {
		const listed = (await syncRows(ctx.shop)).filter((r) => r.tiktok_product_id);
		expect(listed.length).toBeGreaterThan(0);
		expect(listed.every((r) => r.review_state === "in_review")).toBe(true);
		await knob("audit/run");
		seq = await deliverTikTokWebhooks(seq);
		await waitFor("review failures", async () =>
			(await syncRows(ctx.shop)).filter((r) => r.review_state === "review_failed").length === listed.length ? true : undefined,
		);
		const page = await api<{ products: { badge: string; reviewReasons: { reasons: string[] }[] | null }[] }>(
			ctx.shop,
			"GET",
			"/api/products?badge=review_failed&limit=100",
		);
		expect(page.body.products).toHaveLength(listed.length);
		for (const product of page.body.products)
			expect(product.reviewReasons?.[0]?.reasons?.length ?? 0, JSON.stringify(product)).toBeGreaterThan(0);
	});

	it("a webhook with a bad signature is refused and changes nothing", async () => {
		const res = await exports.default.fetch("http://app.test/webhooks/tiktok", {
			method: "POST",
			headers: { authorization: "00".repeat(32) },
			body: JSON.stringify({ type: 5, shop_id: "x", timestamp: 1, data: {} }),
		});
		expect(res.status).toBe(401);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
	});

	it("re-syncing a review failure edits the same listing, which then goes live", async () => {
		await knob("config", { auditFailureRate: 0 });
		// The merchant fixes what the review objected to (here: the titles, through the template).
		const fixed = await editTemplate(ctx.shop, templateId, (template) => ({ extra: { ...template.extra, titleSuffix: " (original)" } }));
		expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
		const before = await inspectSeller(ctx.sellerId);
		const resync = await api<{ edits: number }>(ctx.shop, "POST", "/api/products/resync", { allFailed: true });
		expect(resync.status).toBe(202);
		expect(resync.body.edits).toBe(before.listings.length);
		await waitFor("re-submitted products in review", async () =>
			(await syncRows(ctx.shop)).every((r) => !r.tiktok_product_id || r.review_state === "in_review") ? true : undefined,
		);
		await knob("audit/run");
		seq = await deliverTikTokWebhooks(seq);
		await waitFor("live products", async () =>
			(await syncRows(ctx.shop)).every((r) => !r.tiktok_product_id || r.review_state === "live") ? true : undefined,
		);
		const after = await inspectSeller(ctx.sellerId);
		expect(after.listings).toHaveLength(before.listings.length);
		expect(after.duplicates).toBe(0);
	});
});
