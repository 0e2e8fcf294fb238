/**
 * The queue consumer. Each message is settled explicitly: ack after success,
 * `retry({ delaySeconds })` on a transient failure, and for a permanent failure
 * the job records it on the product row first, then the message is acked.
 * Exhausted messages reach the dead-letter queue, whose consumer records them as
 * 'Sync failed' so no product silently disappears.
 * @see https://developers.cloudflare.com/queues/configuration/batching-retries/
 */
import { admit, deferToQueue, runByShop, timeBoxSeconds, writeRateOf } from "../pacing";
import { backoffMs, jobContext, type JobContext, type JobOutcome, QueueMessage } from "../jobs";
import { jobs } from "./jobs";
import { recordDeadLetter } from "./dead-letter";

export const SYNC_QUEUE = "sync-jobs";
export const DEAD_LETTER_QUEUE = "sync-jobs-dlq";
function log(fields: Record<string, unknown>) {
	console.log(JSON.stringify(fields));
}

async function runOne(message: Message<unknown>, ctx: JobContext): Promise<JobOutcome | "invalid"> {
	const parsed = QueueMessage.safeParse(message.body);
	if (!parsed.success) return "invalid";
	const body = parsed.data;
	const job = jobs[body.type] as (m: typeof body, c: JobContext) => Promise<JobOutcome>;
	try {
		return await job(body, { ...ctx, attempts: message.attempts });
	} catch (error) {
		// An unexpected exception is retried (never acked), so it ends in the DLQ if it persists.
		log({
			level: "error",
			queue: SYNC_QUEUE,
			type: body.type,
			id: message.id,
			error: error instanceof Error ? error.message : String(error),
		});
		return { kind: "retry", delayMs: backoffMs(message.attempts), reason: "unexpected error" };
	}
}

function settle(message: Message<unknown>, outcome: JobOutcome | "invalid") {
	const body = message.body as Partial<QueueMessage>;
	if (outcome !== "invalid" && outcome.kind !== "done") {
		log({
			level: outcome.kind === "failed" ? "warn" : "info",
			type: body.type,
			shopId: body.shopId,
			id: message.id,
			attempts: message.attempts,
			outcome: outcome.kind,
			reason: outcome.kind === "retry" ? outcome.reason : outcome.failure.code,
		});
	}
	if (outcome === "invalid") {
		// A message that does not parse can never succeed: drop it loudly rather than retry it forever.
		log({ level: "error", msg: "invalid queue message dropped", id: message.id });
		message.ack();
	} else if (outcome.kind === "retry") {
		message.retry({ delaySeconds: Math.min(43_200, Math.max(0, Math.ceil(outcome.delayMs / 1000))) });
	} else {
		// "failed" outcomes were recorded on the product row by the job itself.
		message.ack();
	}
}

export async function handleQueue(batch: MessageBatch<unknown>, env: Env, executionCtx: ExecutionContext): Promise<void> {
	const ctx = jobContext(env, executionCtx);
	switch (batch.queue) {
		case SYNC_QUEUE: {
			const startBefore = Date.now() + timeBoxSeconds(batch.messages) * 1000;
			const { run, defer, lanes } = await admit(batch.messages, (shopId) => writeRateOf(env, shopId));
			await deferToQueue(env.SYNC_QUEUE, defer, log);
			const unstarted = await runByShop(run, async (message) => settle(message, await runOne(message, ctx)), startBefore, lanes);
			await deferToQueue(env.SYNC_QUEUE, unstarted, log);
			return;
		}
		case DEAD_LETTER_QUEUE:
			for (const message of batch.messages) {
				await recordDeadLetter(message.body, ctx);
				message.ack();
			}
			return;
		default:
			throw new Error(`Unknown queue: ${batch.queue}`);
	}
}
