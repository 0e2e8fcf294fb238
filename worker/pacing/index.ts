/** The pacing feature's face: admission of a batch, the backlog and release schedule, the per-shop limiter stub and the policy numbers. */
export { admit, deferToQueue, runByShop, timeBoxSeconds } from "./admission";
export { backlogTarget, minimumTopUp, type Release, releaseSchedule } from "./backlog";
export { limiterFor, type LimiterStub, SendGates, writeRateOf } from "./limiter";
export {
	type Budget,
	INLINE_RETRIES_AFTER_429,
	MAX_INLINE_WAIT_MS,
	RECHECK_SECONDS,
	WRITES_PER_SYNC,
	INVENTORY_EVERY_MS,
	INVENTORY_PAGE_SIZE,
	INVENTORY_PAGES_PER_JOB,
} from "./policy";
