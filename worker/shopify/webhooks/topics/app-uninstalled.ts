/**
 * app/uninstalled: Shopify has already revoked the token. Stop everything for the
 * shop at once: delete the Shopify and TikTok tokens and set `uninstalled_at`
 * (jobs find no credentials and stop). Catalogue rows stay until shop/redact.
 *
 * The event can arrive late, even after a reinstall: an uninstall triggered before
 * the shop's latest install is skipped, or it would cut off the new installation.
 * The payload (a REST Shop) is not needed: the shop comes from the verified header.
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/app-installation/uninstall-app-api-request
 */
import { z } from "zod";
import { purgeShop } from "../../purge/purge-shop";
import { defineTopic, triggeredAtMs } from "./types";

export const appUninstalled = defineTopic({
	shop: "known",
	payload: z.unknown(),
	async handle(ctx) {
		const triggered = triggeredAtMs(ctx);
		if (triggered !== null && ctx.shop?.installedAt != null && triggered < ctx.shop.installedAt) {
			return { kind: "skipped", result: "older_than_install" };
		}
		await purgeShop(ctx.db, ctx.shopId, "tokens", ctx.now);
		return { kind: "processed", result: "uninstalled", messages: [] };
	},
});
