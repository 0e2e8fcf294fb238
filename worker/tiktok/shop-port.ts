/**
 * A shop's TikTok connection as a port (with token refresh), or why there is none.
 * Everything outside worker/tiktok/ takes the paced one.
 */
import type { Db } from "../db/client";
import type { Shop } from "../db/schema";
import { limiterFor, type SendGates } from "../pacing";
import { tiktokForShop } from "./for-shop";
import { pacedPort } from "./paced-port";
import type { TikTokPort } from "./port";
import { tiktokPort } from "./port-adapter";

export type ShopPort = { ok: true; port: TikTokPort; shop: Shop } | { ok: false; reason: string; message: string; transient: boolean };

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
	return { ok: true, port: tiktokPort(connection.context), shop: connection.shop };
}

/** The shop's port with every call paced by its limiter; `gates` are the invocation's own (see SendGates). */
export async function pacedPortForShop(env: Env, db: Db, shopId: string, gates?: SendGates): Promise<ShopPort> {
	const connection = await portForShop(env, db, shopId);
	return connection.ok ? { ...connection, port: pacedPort(connection.port, limiterFor(env, shopId, gates)) } : connection;
}
