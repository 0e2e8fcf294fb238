/**
 * The mandatory privacy (compliance) topics. They are answered for any shop,
 * even one we never stored, and must reject a bad HMAC with 401 (the route does).
 * - customers/data_request, customers/redact: this app stores no customer data
 *   (no orders, no customers), so there is nothing to report or erase: acknowledge.
 * - shop/redact (48 h after uninstall, never after a reinstall): delete every row
 *   of the shop in every table, inline in one batch. No receipt is kept, since
 *   that would be a row of the shop; a redelivery simply deletes nothing again.
 * @see https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
 */
import { z } from "zod";
import { purgeShop } from "../../purge/purge-shop";
import { defineTopic, triggeredAtMs } from "./types";

const CustomerRequest = z.object({ shop_domain: z.string().nullish(), customer: z.object({}).passthrough().nullish() });

export const customersDataRequest = defineTopic({
	shop: "any",
	payload: CustomerRequest,
	async handle() {
		return { kind: "processed", result: "no_customer_data", messages: [] };
	},
});

export const customersRedact = defineTopic({
	shop: "any",
	payload: CustomerRequest,
	async handle() {
		return { kind: "processed", result: "no_customer_data", messages: [] };
	},
});

export const shopRedact = defineTopic({
	shop: "any",
	payload: z.object({ shop_domain: z.string().nullish() }),
	async handle(ctx) {
		// A redact older than the current installation belongs to the previous one: Shopify does not send it after a reinstall.
		const triggered = triggeredAtMs(ctx);
		const installed = ctx.shop && ctx.shop.uninstalledAt === null && ctx.shop.installedAt !== null;
		if (installed && triggered !== null && triggered < ctx.shop!.installedAt!) return { kind: "skipped", result: "older_than_install" };
		await purgeShop(ctx.db, ctx.shopId, "all", ctx.now);
		return { kind: "processed", result: "redacted", messages: [], noReceipt: true };
	},
});
