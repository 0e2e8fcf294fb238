/**
 * GET | PUT | DELETE /event/202309/webhooks: one address per event type per shop.
 * HTTPS is not enforced so local apps (http://localhost:8787) can register.
 * @see https://partner.tiktokshop.com/docv2/page/update-shop-webhook-202309
 */
import { type Answer, fail, ok } from "../http/envelope.ts";
import { isObject, str } from "../products/validate/checker.ts";
import { type ApiCall, type SellerContext, nowSeconds } from "../seller/context.ts";

export const EVENT_TYPES = [
	"ORDER_STATUS_CHANGE",
	"RECIPIENT_ADDRESS_UPDATE",
	"PACKAGE_UPDATE",
	"PRODUCT_STATUS_CHANGE",
	"SELLER_DEAUTHORIZATION",
	"UPCOMING_AUTHORIZATION_EXPIRATION",
	"CANCELLATION_STATUS_CHANGE",
	"RETURN_STATUS_CHANGE",
	"PRODUCT_AUDIT_STATUS_CHANGE",
	"PRODUCT_INFORMATION_CHANGE",
	"PRODUCT_CREATION",
	"PRODUCT_CATEGORY_CHANGE",
];

type WebhookRow = { event_type: string; address: string; create_time: number; update_time: number };

export function registeredAddress(sql: SqlStorage, eventType: string): string | null {
	return sql.exec<{ address: string }>("SELECT address FROM webhooks WHERE event_type = ?", eventType).toArray()[0]?.address ?? null;
}

export function listWebhooks(ctx: SellerContext): Answer {
	const rows = ctx.sql.exec<WebhookRow>("SELECT * FROM webhooks ORDER BY event_type").toArray();
	return ok({
		webhooks: rows.map((r) => ({ address: r.address, event_type: r.event_type, create_time: r.create_time, update_time: r.update_time })),
	});
}

function parse(call: ApiCall): Record<string, unknown> | null {
	try {
		const body = JSON.parse(call.body || "{}");
		return isObject(body) ? body : null;
	} catch {
		return null;
	}
}

export function putWebhook(ctx: SellerContext, call: ApiCall): Answer {
	const body = parse(call);
	const eventType = str(body?.event_type) ?? "";
	const address = str(body?.address) ?? "";
	if (!EVENT_TYPES.includes(eventType) || !/^https?:\/\/\S+$/.test(address) || address.length > 255) return fail(36009004);
	const now = nowSeconds(ctx);
	ctx.sql.exec(
		`INSERT INTO webhooks (event_type, address, create_time, update_time) VALUES (?, ?, ?, ?)
		 ON CONFLICT (event_type) DO UPDATE SET address = excluded.address, update_time = excluded.update_time`,
		eventType,
		address,
		now,
		now,
	);
	return ok({});
}

/** Succeeds even when nothing was registered, as TikTok's does. */
export function deleteWebhook(ctx: SellerContext, call: ApiCall): Answer {
	const eventType = str(parse(call)?.event_type) ?? "";
	if (!EVENT_TYPES.includes(eventType)) return fail(36009004);
	ctx.sql.exec("DELETE FROM webhooks WHERE event_type = ?", eventType);
	return ok({});
}
