/**
 * /api/sync: live progress of sync runs (polled by the UI), and /api/settings:
 * the merchant's settings and the listing quota state.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { doc } from "../http/doc";
import { shopSession } from "../auth/shop-session";
import type { Shop } from "../db/schema";
import { AppError } from "../http/errors";
import { validate } from "../http/validate";
import { WRITES_PER_SYNC } from "../pacing";
import type { QueueMessage } from "../jobs";
import { requireShop, updateSettings } from "../shops";
import { backgroundCounts, runProgress } from "./progress";
import { isQuotaPaused, resumeQuota, utcDay } from "./quota";

export const syncRoutes = new Hono<AppEnv>()
	.use(shopSession())
	.get("/runs", doc("Progress of running syncs with counts and time left"), async (c) => {
		const shop = await requireShop(c.var.db, c.var.shopId);
		const limiter = await c.env.SHOP_LIMITER.getByName(shop.id).snapshot();
		const runs = await runProgress(c.var.db, shop, limiter.write.currentRate / WRITES_PER_SYNC);
		return c.json({
			runs,
			background: await backgroundCounts(c.var.db, shop.id),
			writeRate: limiter.write.currentRate,
			quotaPaused: isQuotaPaused(shop),
		});
	});

const SettingsBody = z.object({ pushContentEdits: z.boolean().optional(), unitSystem: z.enum(["metric", "imperial"]).optional() });

function settingsView(shop: Shop) {
	const now = Date.now();
	return {
		shop: shop.id,
		region: shop.tiktokRegion,
		tiktokConnected: !!shop.tiktokShopId && !!shop.tiktokAccessTokenEnc,
		tiktokShopName: shop.tiktokShopName,
		unitSystem: shop.unitSystem,
		pushContentEdits: shop.pushContentEdits,
		quota: {
			daily: shop.listingQuotaDaily,
			usedToday: shop.listingQuotaDay === utcDay(now) ? shop.listingQuotaUsed : 0,
			pausedUntil: isQuotaPaused(shop, now) ? shop.listingQuotaPausedUntil : null,
		},
	};
}

export const settingsRoutes = new Hono<AppEnv>()
	.use(shopSession())
	.get("/", doc("Settings and listing quota"), async (c) => c.json(settingsView(await requireShop(c.var.db, c.var.shopId))))
	.put("/", doc("Change settings"), validate("json", SettingsBody), async (c) => {
		const body = c.req.valid("json");
		const shop = await requireShop(c.var.db, c.var.shopId);
		if (body.unitSystem === "imperial" && shop.tiktokRegion && shop.tiktokRegion !== "US") {
			throw new AppError("VALIDATION_FAILED", "Imperial units are only accepted for US shops.", {
				issues: [{ path: "unitSystem", message: "Only US shops can use pounds and inches." }],
			});
		}
		await updateSettings(c.var.db, shop.id, body);
		return c.json(settingsView(await requireShop(c.var.db, c.var.shopId)));
	})
	.post("/quota/resume", doc("Resume creates after a quota pause"), async (c) => {
		await resumeQuota(c.var.db, c.var.shopId);
		await c.env.SYNC_QUEUE.send({ type: "shop.reconcile", shopId: c.var.shopId } satisfies QueueMessage);
		return c.json(settingsView(await requireShop(c.var.db, c.var.shopId)));
	});
