/**
 * One delivery's attempt at a product, under its lease, and how a TikTok
 * failure settles it: the product row and the message's fate.
 */
import type { Db } from "../../db/client";
import type { ProductSync, Shop } from "../../db/schema";
import { backoffMs, done, type JobOutcome, retryIn } from "../../jobs";
import type { PortFailure } from "../../tiktok";
import { clearedFailure, fromTikTok } from "../failure";
import { type Leased, markFailed, markWaitingForQuota, requeue } from "../product-sync-repo";
import { pauseForQuota } from "../quota";

export type Attempt = { db: Db; shop: Shop; row: ProductSync; token: string; attempts: number };

export const leased = (a: Attempt): Leased => ({ db: a.db, shopId: a.shop.id, productId: a.row.productId, token: a.token });

/** Rate limits and passing failures retry through the queue; the daily cap parks the product; anything else fails it with TikTok's reason. */
export async function settleFailure(a: Attempt, failure: PortFailure): Promise<JobOutcome> {
	switch (failure.kind) {
		case "rate_limited":
			await requeue(leased(a));
			return retryIn(failure.retryAfterMs ?? 1000, "rate limited");
		case "quota_exhausted":
			await pauseForQuota(a.db, a.shop.id);
			await markWaitingForQuota(leased(a), { createInFlightKey: null, ...clearedFailure });
			return done;
		case "timeout":
		case "transient":
			// An ambiguous create keeps createInFlightKey: the next attempt searches before creating.
			await requeue(leased(a));
			return retryIn(backoffMs(a.attempts), failure.kind);
		default:
			await markFailed(leased(a), { ...fromTikTok(failure), createInFlightKey: null });
			return done;
	}
}
