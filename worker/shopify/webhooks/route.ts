/**
 * POST /webhooks/shopify: every Shopify webhook of every shop.
 *
 * Order matters:
 * 1. Size cap while reading the raw bytes (413, nothing stored).
 * 2. HMAC over those exact bytes, current then previous secret (401 when missing or wrong).
 * 3. Required headers (400), shop domain must be `*.myshopify.com` (400), known topic (400).
 * 4. JSON parse keeping big ids exact (400), payload shape per topic (400 with issues).
 * 4b. Identity: the HMAC covers the body only, so a captured body can be re-sent
 *    with another shop's domain and topic in the headers. Where the topic's body
 *    names its shop, that name must equal the header (400, nothing stored); topics
 *    whose body names none guard themselves (unknown products are ignored).
 * 5. Duplicate (webhook id, or topic + event id) → 200, nothing done again.
 * 6. Unknown or uninstalled shop → 200 and ignored, nothing stored (see below).
 * 7. Apply (D1 only, never TikTok), then enqueue follow-up jobs and record the
 *    receipt (receipts.ts says why the order is safe) → 200.
 * D1 round trips are what a webhook costs: the handler's reads (the stored
 * product) share step 5's batch, and a product write commits its receipt with it.
 *
 * Unknown shop: answered 200 and ignored. A 404 would only make Shopify retry
 * for 4 hours and then delete the subscription; a delivery for a shop without an
 * installation (e.g. in flight during an uninstall) has nothing to update.
 * Compliance topics are handled for any shop.
 * @see https://shopify.dev/docs/apps/build/webhooks/subscribe/https
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../app-env";
import { MYSHOPIFY_DOMAIN } from "../../auth/session-token";
import { config } from "../../config";
import { AppError } from "../../http/errors";
import { zodIssues } from "../../http/validate";
import { installStateQuery } from "../../shops";
import { parseJsonKeepingBigIds } from "../normalize/ids";
import { readHeader, readWebhookHeaders, type WebhookHeaders } from "./headers";
import { duplicateQuery, receiptInsert, recordReceipt, withdrawReceipt } from "./receipts";
import { TOPICS } from "./topics";
import type { TopicHandler, WebhookShop } from "./topics/types";
import { verifyWebhookHmac } from "./verify";

/**
 * Generous: product payloads are tens of KB (100 variants ≈ 100 KB). The cap only
 * stops abuse; a 413 to a real delivery would make Shopify retry and finally drop
 * the subscription.
 */
export const MAX_WEBHOOK_BYTES = 4 * 1024 * 1024;

type Delivery = { headers: WebhookHeaders; topic: TopicHandler; payload: unknown };

/** Steps 2 to 4b: everything decided from the request alone, before D1 is touched. */
async function readDelivery(c: Context<AppEnv>): Promise<Delivery> {
	const body = await c.req.arrayBuffer();
	const cfg = config(c.env);
	const secrets = [cfg.SHOPIFY_API_SECRET, cfg.SHOPIFY_API_SECRET_PREVIOUS ?? ""];
	if (!(await verifyWebhookHmac(body, readHeader(c.req.raw.headers, "hmac"), secrets))) {
		throw new AppError("UNAUTHORIZED", "Missing or invalid X-Shopify-Hmac-Sha256.");
	}
	const read = readWebhookHeaders(c.req.raw.headers);
	if (!read.ok) throw new AppError("BAD_REQUEST", `Missing webhook headers: ${read.missing.join(", ")}.`);
	const { headers } = read;
	if (!MYSHOPIFY_DOMAIN.test(headers.domain)) throw new AppError("BAD_REQUEST", "X-Shopify-Shop-Domain is not a *.myshopify.com domain.");
	const topic = TOPICS.get(headers.topic);
	if (!topic) throw new AppError("BAD_REQUEST", `Unsupported webhook topic: ${headers.topic}.`);

	let json: unknown;
	try {
		json = parseJsonKeepingBigIds(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(body));
	} catch {
		throw new AppError("BAD_REQUEST", "Webhook body is not valid JSON.");
	}
	const payload = topic.payload.safeParse(json);
	if (!payload.success) throw new AppError("BAD_REQUEST", `Invalid ${headers.topic} payload.`, { issues: zodIssues(payload.error) });
	if (topic.bodyShop && topic.bodyShop.of(payload.data)?.trim().toLowerCase() !== headers.domain) {
		throw new AppError("BAD_REQUEST", `The ${headers.topic} body does not name the shop in X-Shopify-Shop-Domain.`, {
			issues: [{ path: topic.bodyShop.path, message: "must name the shop in X-Shopify-Shop-Domain" }],
		});
	}
	return { headers, topic, payload: payload.data };
}

export const shopifyWebhooks = new Hono<AppEnv>().post(
	"/",
	bodyLimit({
		maxSize: MAX_WEBHOOK_BYTES,
		onError: () => {
			throw new AppError("PAYLOAD_TOO_LARGE", `Webhook body is larger than ${MAX_WEBHOOK_BYTES} bytes.`);
		},
	}),
	async (c) => {
		const { headers, topic, payload } = await readDelivery(c);
		const db = c.var.db;
		const shopId = headers.domain;
		const reads = topic.reads?.(db, shopId, payload);
		const [shopRows, duplicates, ...readResults] = await db.batch([
			installStateQuery(db, shopId),
			duplicateQuery(db, shopId, headers),
			...(reads?.queries ?? []),
		]);
		if (duplicates.length) return c.json({ ok: true, outcome: "duplicate" });
		const shop: WebhookShop | null = shopRows[0] ? { ...shopRows[0], hasToken: Boolean(shopRows[0].hasToken) } : null;
		const installed = !!shop && shop.uninstalledAt === null && shop.hasToken;
		if ((topic.shop === "installed" && !installed) || (topic.shop === "known" && !shop)) {
			return c.json({ ok: true, outcome: "ignored", reason: shop ? "shop_not_installed" : "unknown_shop" });
		}

		const now = Date.now();
		const receipt = receiptInsert(db, shopId, headers, now);
		const outcome = await topic.handle({ db, shopId, shop, headers, now, receipt }, payload, reads?.decode(readResults));
		if (outcome.kind === "ignored") return c.json({ ok: true, outcome: "ignored", reason: outcome.reason });
		const processed = outcome.kind === "processed" ? outcome : null;
		const messages = processed?.messages ?? [];
		const recordHere = !processed?.noReceipt && !processed?.receiptRecorded;
		// Sent together with the receipt; a receipt whose messages were not sent is withdrawn, so Shopify's retry redoes the work.
		const [sent, recorded] = await Promise.allSettled([
			messages.length ? c.env.SYNC_QUEUE.sendBatch(messages.map((body) => ({ body }))) : null,
			recordHere ? recordReceipt(db, shopId, headers, now) : false,
		]);
		if (sent.status === "rejected") {
			if (processed?.receiptRecorded || (recorded.status === "fulfilled" && recorded.value)) await withdrawReceipt(db, shopId, headers);
			throw sent.reason;
		}
		if (recorded.status === "rejected") throw recorded.reason;
		return c.json({ ok: true, outcome: outcome.result });
	},
);
