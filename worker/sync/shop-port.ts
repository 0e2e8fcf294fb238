/**
 * The sync engine's view of a shop's TikTok connection: a ListingPort over the
 * shop's TikTok client (with token refresh), or why there is none.
 */
import type { Db } from "../db/client";
import type { Shop } from "../db/schema";
import { tiktokForShop } from "../tiktok/for-shop";
import type { ListingPort } from "./port";
import { tiktokPort } from "./tiktok-port";

export type ShopPort = { ok: true; port: ListingPort; shop: Shop } | { ok: false; reason: string; message: string; transient: boolean };

const MESSAGES: Record<string, string> = {
	not_connected: "The TikTok Shop is not connected.",
	uninstalled: "The app was uninstalled from this shop.",
	reauthorize: "TikTok needs the seller to authorize the app again.",
	unavailable: "TikTok could not refresh the shop's authorization just now.",
};

export async function portForShop(env: Env, db: Db, shopId: string): Promise<ShopPort> {
	const connection = await tiktokForShop(env, db, shopId);
	if (!connection.ok) {
		return { ok: false, reason: connection.reason, message: MESSAGES[connection.reason], transient: connection.reason === "unavailable" };
	}
	return { ok: true, port: tiktokPort(connection.client), shop: connection.shop };
}
