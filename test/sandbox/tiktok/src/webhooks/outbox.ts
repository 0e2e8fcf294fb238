/**
 * Product webhooks as TikTok sends them: envelope {type, tts_notification_id,
 * shop_id, timestamp, data}, `product_id` as a bare JSON number (it exceeds 2^53,
 * so naive JSON.parse loses digits), header
 * `Authorization: hex(HMAC_SHA256(app_secret, app_key + body))`.
 * Every notification is kept in the outbox with the exact request, so a test
 * whose app is not reachable over HTTP can deliver it itself; when an address
 * is registered for the event type the sandbox also POSTs it there once.
 * @see https://partner.tiktokshop.com/docv2/page/tts-webhooks-overview
 */
import { hmacHex } from "../gateway/signature.ts";
import type { ProductEvent, SellerContext } from "../seller/context.ts";
import { bigId } from "../seller/ids.ts";
import { registeredAddress } from "./registration.ts";

const EVENT_TYPE: Record<ProductEvent["type"], string> = { 5: "PRODUCT_STATUS_CHANGE", 37: "PRODUCT_AUDIT_STATUS_CHANGE" };

export type OutboxRow = {
	seq: number;
	notification_id: string;
	type: number;
	event_type: string;
	product_id: string;
	url: string | null;
	headers: string;
	body: string;
	created_at: number;
	delivery: "pending" | "sending" | "delivered" | "failed" | "no_address";
	delivery_status: number | null;
	delivery_error: string | null;
};

/** JSON with every `product_id` written as a bare number. */
export function notificationBody(event: ProductEvent, shopId: string, notificationId: string, timestamp: number): string {
	const json = JSON.stringify({
		type: event.type,
		tts_notification_id: notificationId,
		shop_id: shopId,
		timestamp,
		data: { product_id: event.productId, ...event.data },
	});
	return json.replace(/"product_id":"(\d+)"/g, '"product_id":$1');
}

export async function recordNotifications(ctx: SellerContext, appKey: string, appSecret: string): Promise<void> {
	for (const event of ctx.events.splice(0)) {
		const notificationId = bigId("73");
		const body = notificationBody(event, ctx.seller.shop_id, notificationId, Math.floor(ctx.nowMs / 1000));
		const headers = { "content-type": "application/json", authorization: await hmacHex(appSecret, appKey + body) };
		const eventType = EVENT_TYPE[event.type];
		const url = registeredAddress(ctx.sql, eventType);
		ctx.sql.exec(
			`INSERT INTO outbox (notification_id, type, event_type, product_id, url, headers, body, created_at, delivery)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			notificationId,
			event.type,
			eventType,
			event.productId,
			url,
			JSON.stringify(headers),
			body,
			ctx.nowMs,
			url ? "pending" : "no_address",
		);
	}
}

/** POSTs pending notifications once; the outcome is kept on the row. */
export async function deliverPending(sql: SqlStorage): Promise<void> {
	const rows = sql.exec<OutboxRow>("SELECT * FROM outbox WHERE delivery = 'pending' ORDER BY seq").toArray();
	// Claim every row before the first await, so a concurrent run never sends one twice.
	for (const row of rows) sql.exec("UPDATE outbox SET delivery = 'sending' WHERE seq = ?", row.seq);
	for (const row of rows) {
		try {
			const res = await fetch(row.url as string, {
				method: "POST",
				headers: JSON.parse(row.headers),
				body: row.body,
				signal: AbortSignal.timeout(5000),
			});
			await res.body?.cancel();
			sql.exec(
				"UPDATE outbox SET delivery = ?, delivery_status = ?, delivery_error = NULL WHERE seq = ?",
				res.ok ? "delivered" : "failed",
				res.status,
				row.seq,
			);
		} catch (error) {
			sql.exec("UPDATE outbox SET delivery = 'failed', delivery_error = ? WHERE seq = ?", String(error).slice(0, 300), row.seq);
		}
	}
}

export function outboxEntries(sql: SqlStorage, sinceSeq: number) {
	return sql
		.exec<OutboxRow>("SELECT * FROM outbox WHERE seq > ? ORDER BY seq", sinceSeq)
		.toArray()
		.map((r) => ({
			seq: r.seq,
			notification_id: r.notification_id,
			type: r.type,
			event_type: r.event_type,
			product_id: r.product_id,
			url: r.url,
			method: "POST",
			headers: JSON.parse(r.headers) as Record<string, string>,
			body: r.body,
			created_at: r.created_at,
			delivery: r.delivery,
			delivery_status: r.delivery_status,
			delivery_error: r.delivery_error,
		}));
}
