/**
 * Dead-letter consumer: a message that exhausted its retries becomes a visible
 * 'Sync failed' on its product, with a reason the merchant can act on.
 */
import { markExhausted } from "../sync";
import { type JobContext, QueueMessage } from "../jobs";

export async function recordDeadLetter(body: unknown, ctx: JobContext): Promise<void> {
	const parsed = QueueMessage.safeParse(body);
	if (!parsed.success || !("productId" in parsed.data)) return;
	const { shopId, productId } = parsed.data;
	await markExhausted(ctx.db, shopId, productId, {
		lastErrorCode: "RETRIES_EXHAUSTED",
		lastErrorMessage: `TikTok Shop kept failing for this product (${parsed.data.type}); we stopped retrying.`,
		lastErrorFix: "Check TikTok Shop's status, then press Re-sync.",
	});
}
