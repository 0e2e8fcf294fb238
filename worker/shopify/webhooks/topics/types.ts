/** What every topic handler receives and returns; the route turns outcomes into HTTP answers and queue messages. */
import type { z } from "zod";
import type { Db } from "../../../db/client";
import type { QueueMessage } from "../../../queue/messages";
import type { WebhookHeaders } from "../headers";

/** What the webhook needs to know about the shop (no credentials are read). */
export type WebhookShop = { installedAt: number | null; uninstalledAt: number | null; hasToken: boolean };

export type TopicContext = { db: Db; shopId: string; shop: WebhookShop | null; headers: WebhookHeaders; now: number };

export type TopicOutcome =
	/** Applied (or found already current). `messages` go to the sync queue; a receipt is recorded unless `noReceipt`. */
	| { kind: "processed"; result: string; messages: QueueMessage[]; noReceipt?: boolean }
	/** Deliberately not applied (e.g. an uninstall older than the last install); a receipt is recorded. */
	| { kind: "skipped"; result: string };

/**
 * - `installed`: the shop must be installed (tokens present, not uninstalled); otherwise the delivery is ignored.
 * - `known`: the shop row must exist.
 * - `any`: handled for any shop (compliance topics must be answered even for shops we never stored).
 */
export type ShopRequirement = "installed" | "known" | "any";

export type TopicHandler<S extends z.ZodType = z.ZodType> = {
	shop: ShopRequirement;
	payload: S;
	handle(ctx: TopicContext, payload: z.infer<S>): Promise<TopicOutcome>;
};

export const defineTopic = <S extends z.ZodType>(handler: TopicHandler<S>) => handler as unknown as TopicHandler;

export const changed = (shopId: string, productId: string, reason: string): QueueMessage => ({ type: "product.changed", shopId, productId, reason });

/** Shopify's X-Shopify-Triggered-At in ms, when present and parseable. */
export function triggeredAtMs(ctx: TopicContext): number | null {
	const ms = ctx.headers.triggeredAt ? Date.parse(ctx.headers.triggeredAt) : Number.NaN;
	return Number.isFinite(ms) ? ms : null;
}
