/**
 * `review.refresh`: read one TikTok product's current status and store the
 * review state it implies. Reading the product (instead of trusting a webhook's
 * payload) makes repeated and out-of-order webhooks harmless.
 */
import { backoffMs, done, type JobContext, type JobOutcome, type QueueMessageOf, retryIn } from "../../jobs";
import { recordReview } from "../product-sync-repo";
import { reviewReasons, reviewStateOf } from "../review-state";

export async function refreshReview(message: QueueMessageOf<"review.refresh">, ctx: JobContext): Promise<JobOutcome> {
	const connection = await ctx.tiktok(message.shopId);
	if (!connection.ok) return connection.transient ? retryIn(backoffMs(ctx.attempts), connection.reason) : done;
	const read = await connection.port.getProduct(message.tiktokProductId);
	if (!read.ok) {
		const { failure } = read;
		if (failure.kind === "rate_limited") return retryIn(failure.retryAfterMs ?? 1000, "rate limited");
		if (failure.kind === "transient" || failure.kind === "timeout") return retryIn(backoffMs(ctx.attempts), failure.kind);
		return done;
	}
	const product = read.value;
	await recordReview(ctx.db, message.shopId, message.tiktokProductId, {
		reviewState: reviewStateOf(product),
		reviewReasons: reviewReasons(product),
	});
	return done;
}
