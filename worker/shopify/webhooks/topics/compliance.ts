/**
 * The mandatory privacy (compliance) topics. They are answered for any shop,
 * even one we never stored, and must reject a bad HMAC with 401 (the route does).
 * Each body names its shop in `shop_domain`, which must equal the header (route).
 * - customers/data_request, customers/redact: this app stores no customer data
 *   (no orders, no customers), so there is nothing to report or erase: acknowledge.
 * - shop/redact (48 h after uninstall, never after a reinstall): delete every row
 *   of the shop in every table, inline in one batch. No receipt is kept, since
 *   that would be a row of the shop; a redelivery simply deletes nothing again.
 *   An installed shop is never purged (see shopRedact).
 * @see https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
 */
import { z } from "zod";
import { purgeShop } from "../../purge/purge-shop";
import { defineTopic } from "./types";

const shopDomain = z.string().min(1);
const CustomerRequest = z.object({ shop_domain: shopDomain, customer: z.looseObject({}).nullish() });
const bodyShop = { path: "shop_domain", of: (payload: { shop_domain: string }) => payload.shop_domain };

export const customersDataRequest = defineTopic({
	shop: "any",
	payload: CustomerRequest,
	bodyShop,
	async handle() {
		return { kind: "processed", result: "no_customer_data", messages: [] };
	},
});

export const customersRedact = defineTopic({
	shop: "any",
	payload: CustomerRequest,
	bodyShop,
	async handle() {
		return { kind: "processed", result: "no_customer_data", messages: [] };
	},
});

/**
 * An installed shop (no uninstall recorded, a Shopify token held) is answered 200
 * and left alone: Shopify never sends shop/redact to an installed shop, so such a
 * delivery is a replay or a race with a reinstall. 200 rather than 4xx because
 * retrying cannot change the answer: a 4xx would only buy eight refused retries
 * and a failing compliance webhook in the Partner dashboard. The purge re-checks
 * the same condition inside its own transaction, against a reinstall meanwhile.
 */
export const shopRedact = defineTopic({
	shop: "any",
	payload: z.object({ shop_domain: shopDomain }),
	bodyShop,
	async handle(ctx) {
		const installed = ctx.shop !== null && ctx.shop.uninstalledAt === null && ctx.shop.hasToken;
		if (installed) return { kind: "ignored", reason: "shop_installed" };
		const { purged } = await purgeShop(ctx.db, ctx.shopId, "all", ctx.now);
		return purged
			? { kind: "processed", result: "redacted", messages: [], noReceipt: true }
			: { kind: "ignored", reason: "shop_installed" };
	},
});
