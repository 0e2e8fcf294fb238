/** What every topic handler receives and returns; the route turns outcomes into HTTP answers and queue messages. */
import type { BatchItem } from "drizzle-orm/batch";
import type { z } from "zod";
import type { Db } from "../../../db/client";
import type { QueueMessage } from "../../../jobs";
import type { WebhookHeaders } from "../headers";

/** What the webhook needs to know about the shop (no credentials are read). */
export type WebhookShop = { installedAt: number | null; uninstalledAt: number | null; hasToken: boolean };

export type TopicContext = {
	db: Db;
	shopId: string;
	shop: WebhookShop | null;
	headers: WebhookHeaders;
	now: number;
	/** The delivery's receipt, for a handler that commits it with its own writes (then `receiptRecorded`). */
	receipt: BatchItem<"sqlite">;
};

export type TopicOutcome =
	/**
	 * Applied (or found already current). `messages` go to the sync queue. The route
	 * records the receipt unless the handler committed it (`receiptRecorded`) or
	 * must not keep one (`noReceipt`).
	 */
	| { kind: "processed"; result: string; messages: QueueMessage[]; noReceipt?: boolean; receiptRecorded?: boolean }
	/** Deliberately not applied (e.g. an uninstall older than the last install); a receipt is recorded. */
	| { kind: "skipped"; result: string }
	/** Not this shop's to act on (e.g. a product it does not have): answered 200, nothing stored, not even a receipt. */
	| { kind: "ignored"; reason: string };

/**
 * - `installed`: the shop must be installed (tokens present, not uninstalled); otherwise the delivery is ignored.
 * - `known`: the shop row must exist.
 * - `any`: handled for any shop (compliance topics must be answered even for shops we never stored).
 */
export type ShopRequirement = "installed" | "known" | "any";

export type TopicHandler<S extends z.ZodType = z.ZodType, P = unknown> = {
	shop: ShopRequirement;
	payload: S;
	/**
	 * The shop the signed body names, for topics whose body names one. The HMAC
	 * covers only the body, so the route refuses the delivery unless this equals
	 * the (unsigned) X-Shopify-Shop-Domain header.
	 */
	bodyShop?: { path: string; of(payload: z.infer<S>): string | null | undefined };
	/**
	 * Reads the handler needs, run in the same D1 batch as the route's shop and
	 * duplicate lookup (a webhook costs its D1 round trips), and decoded for `handle`.
	 * Wasted, harmlessly, when the delivery turns out to be a duplicate or ignored.
	 */
	reads?(db: Db, shopId: string, payload: z.infer<S>): { queries: readonly BatchItem<"sqlite">[]; decode(results: readonly unknown[]): P };
	handle(ctx: TopicContext, payload: z.infer<S>, read: P): Promise<TopicOutcome>;
};

export const defineTopic = <S extends z.ZodType, P = undefined>(handler: TopicHandler<S, P>) => handler as unknown as TopicHandler;

export const changed = (shopId: string, productId: string, reason: string): QueueMessage => ({
	type: "product.changed",
	shopId,
	productId,
	reason,
});

/** Shopify's X-Shopify-Triggered-At in ms, when present and parseable. */
export function triggeredAtMs(ctx: TopicContext): number | null {
	const ms = ctx.headers.triggeredAt ? Date.parse(ctx.headers.triggeredAt) : Number.NaN;
	return Number.isFinite(ms) ? ms : null;
}
