/**
 * The pacing policy: every number that decides how fast, and in what order, this
 * app calls TikTok for its shops.
 *
 * The model. TikTok limits each shop's calls per sliding second, reads and
 * writes separately, and publishes no figure. Each shop has one limiter (a
 * Durable Object, shop-limiter.ts): a token bucket per budget that aims just
 * under the configured rate, cuts it on a 429 and climbs back on success. Every
 * TikTok call goes through it (tiktok/paced-port.ts): a short wait is slept in
 * place, a long one sends the message back to the queue. A product's sync costs
 * about WRITES_PER_SYNC writes, and every estimate below is in those units: the
 * queue, shared by all shops, holds for each shop only what its write budget
 * serves in about two batches (backlog.ts), released one product at a time at
 * that pace, and each batch admits for each shop what its budget serves in one
 * BATCH_SECONDS time box, a few jobs at a time (admission.ts), so every shop
 * with work gets its share of every batch and no shop's catalogue blocks the others.
 */
export type Budget = "read" | "write";
export type BudgetConfig = { ratePerSec: number; burst: number };

/** Conservative defaults; TikTok publishes no per-endpoint figure and gives reads more than writes. */
export const DEFAULT_BUDGETS: Record<Budget, BudgetConfig> = {
	read: { ratePerSec: 20, burst: 20 },
	write: { ratePerSec: 10, burst: 1 },
};
/** The limiter aims this far under the configured rate: network jitter bunches some arrivals. */
export const HEADROOM = 0.95;
/** TikTok's rate window: calls are counted per sliding second. */
export const WINDOW_MS = 1000;
/** A 429 cuts the budget's rate by this factor... */
export const DECREASE = 0.85;
/** ...never below this fraction of the configured rate. */
export const MIN_RATE_FRACTION = 0.1;
/** Additive increase per successful call, as a fraction of the configured rate. */
export const RECOVERY_STEP = 0.01;

/** Writes of one product's sync, roughly: a few image uploads plus the create. The one estimate of it. */
export const WRITES_PER_SYNC = 5;

/** Waits longer than this go back to the queue instead of holding the consumer. */
export const MAX_INLINE_WAIT_MS = 5_000;
/**
 * A call refused with 429 is repeated in place at most this often, after a short
 * Retry-After: TikTok did not process it, and a trip through the queue would put
 * the product behind every message sent since (a shop's last products would
 * trail its run by a whole batch).
 */
export const INLINE_RETRIES_AFTER_429 = 1;
/**
 * Writes of one shop in flight at once from one invocation. TikTok counts calls
 * when they arrive; if its answers slow down, calls already sent pile up and then
 * land together, and a burst trips the per-second window even though they were
 * paced when sent. Two in flight keeps the pace (a call takes about as long as
 * the gap between slots) without letting a backlog build.
 */
export const WRITES_IN_FLIGHT = 2;

/** Each shop gets about this much of its write budget per batch; no job starts after it. */
export const BATCH_SECONDS = 20;
/**
 * The box closes this early when the batch fans out for a shop that has no syncs
 * in it: that shop's products can only start in the next batch.
 */
export const JOIN_SECONDS = 3;
/** A batch holds at most 100 messages: one shop may take all of it. */
export const MAX_SYNCS_PER_SHOP = 100;
/**
 * Admitted beyond what the box needs at WRITES_PER_SYNC, so a shop whose products
 * take fewer writes (fewer images) does not run dry before the box closes.
 */
export const BOX_SPARE = 1.5;
/**
 * Jobs of one shop worked on at once, at most. Each job reads D1 and downloads
 * images before its first TikTok call; a few at a time keep the shop's paced
 * calls flowing from the first second without a burst of setup.
 */
export const JOBS_PER_SHOP = 4;

/** Two batches' worth: a top-up's messages are worked on in the batch after the one that sent them. */
export const BACKLOG_SECONDS = 2 * BATCH_SECONDS;
/** A full backlog is looked at again after this long: well before it can drain. */
export const RECHECK_SECONDS = 5;
export const MAX_BACKLOG = 500;
/**
 * Released messages become visible about one batch before their turn. A longer
 * lead (a box and a quarter) filled some batches to their 100 messages and left
 * a shop out of them.
 */
export const RELEASE_LEAD_SECONDS = BATCH_SECONDS;

/**
 * The inventory of a shop's TikTok listings reads Search Products pages of this
 * size (TikTok's maximum), paced on the read budget: at the default 20 reads/s
 * (19 with HEADROOM) 1,000 listings are 10 reads, about half a second of budget.
 */
export const INVENTORY_PAGE_SIZE = 100;
/** Pages one delivery reads before handing the rest to the next message (keeps each job short). */
export const INVENTORY_PAGES_PER_JOB = 20;
/** The scheduled reconcile takes a new inventory when the last one is older than this. */
export const INVENTORY_EVERY_MS = 6 * 3_600_000;
