/**
 * Webhook registration per shop: one address per event type. PUT replaces, so registering
 * again is idempotent.
 * @see https://partner.tiktokshop.com/docv2/page/update-shop-webhook-202309
 */
import { z } from "zod";
import { sendTikTok } from "../transport";
import { type CallContext, Empty } from "./context";

export type TikTokEventType =
	| "PRODUCT_STATUS_CHANGE"
	| "PRODUCT_AUDIT_STATUS_CHANGE"
	| "PRODUCT_INFORMATION_CHANGE"
	| "PRODUCT_CREATION"
	| "PRODUCT_CATEGORY_CHANGE"
	| "SELLER_DEAUTHORIZATION"
	| "UPCOMING_AUTHORIZATION_EXPIRATION";

export function registerWebhook(ctx: CallContext, eventType: TikTokEventType, address: string) {
	return sendTikTok(ctx.app, ctx.session, {
		method: "PUT",
		path: "/event/202309/webhooks",
		json: { address, event_type: eventType },
		schema: Empty,
		idempotent: true,
	});
}

const Webhooks = z.object({
	webhooks: z
		.array(
			z.looseObject({
				address: z.string(),
				event_type: z.string(),
				create_time: z.number().optional(),
				update_time: z.number().optional(),
			}),
		)
		.default([]),
});
export type TikTokWebhook = z.infer<typeof Webhooks>["webhooks"][number];

export function listWebhooks(ctx: CallContext) {
	return sendTikTok(ctx.app, ctx.session, { method: "GET", path: "/event/202309/webhooks", schema: Webhooks });
}
