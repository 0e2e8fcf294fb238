/**
 * app/uninstalled: Shopify has already revoked the token. Stop everything for the
 * shop at once: delete the Shopify and TikTok tokens and set `uninstalled_at`
 * (jobs find no credentials and stop). Catalogue rows stay until shop/redact.
 *
 * The event can arrive late, even after a reinstall: an uninstall triggered before
 * the shop's latest install is skipped, or it would cut off the new installation.
 *
 * The shop is the one the signed body (a REST Shop) names: `myshopify_domain`, or
 * `domain` when that is null (Shopify's documented sample has a null
 * `myshopify_domain`; `domain` is then the myshopify one for a shop without a
 * custom domain). A body naming neither is refused: the header alone is unsigned.
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/app-installation/uninstall-app-api-request
 */
import { z } from "zod";
import { purgeShop } from "../../purge/purge-shop";
import { defineTopic, triggeredAtMs } from "./types";

const Payload = z
	.object({ myshopify_domain: z.string().nullish(), domain: z.string().nullish() })
	.refine((shop) => Boolean(shop.myshopify_domain || shop.domain), { message: "must name the shop", path: ["myshopify_domain"] });

export const appUninstalled = defineTopic({
	shop: "known",
	payload: Payload,
	bodyShop: { path: "myshopify_domain", of: (shop) => shop.myshopify_domain || shop.domain },
	async handle(ctx) {
		const triggered = triggeredAtMs(ctx);
		if (triggered !== null && ctx.shop?.installedAt != null && triggered < ctx.shop.installedAt) {
			return { kind: "skipped", result: "older_than_install" };
		}
		await purgeShop(ctx.db, ctx.shopId, "tokens", ctx.now);
		return { kind: "processed", result: "uninstalled", messages: [] };
	},
});
