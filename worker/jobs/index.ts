/**
 * The contract between the queue consumer (queue/) and the jobs of every
 * feature: the messages on the sync queue and what a job answers. A leaf (only
 * zod), so a feature can enqueue work and return outcomes without importing
 * the consumer that runs it.
 */
export { QueueMessage, type QueueMessageOf } from "./messages";
export { backoffMs, done, failed, type JobFailure, type JobOutcome, MAX_BACKOFF_MS, retryIn } from "./outcome";
export { type JobContext, jobContext } from "./context";
