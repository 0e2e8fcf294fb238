/**
 * How much of a run waits in the queue at once. Fan-out tops a run's backlog up
 * to about BACKLOG_SECONDS of the shop's write budget instead of enqueueing the
 * whole catalogue: a shop activating 100,000 products would otherwise put them
 * all ahead of every other shop's messages in the one shared queue, and batches
 * would hold one shop at a time. Kept short, every batch mixes the shops that
 * have work, and admission (admission.ts) paces each within the batch.
 */
import { BACKLOG_SECONDS, MAX_BACKLOG, RELEASE_LEAD_SECONDS, WRITES_PER_SYNC } from "./policy";

/**
 * When each message of a chunk becomes visible: the chunk follows `ahead`
 * products already queued, one every `spacingMs`, each visible `leadMs` before
 * its turn. Omitted, all go at once.
 */
export type Release = { ahead: number; spacingMs: number; leadMs: number };

export function backlogTarget(writeRatePerSecond: number): number {
	return Math.max(4, Math.min(MAX_BACKLOG, Math.floor((writeRatePerSecond * BACKLOG_SECONDS) / WRITES_PER_SYNC)));
}

/**
 * A top-up's messages become visible one by one, at the pace the shop's write
 * budget will reach them (after the `waiting` ones already queued), each about
 * one batch (RELEASE_LEAD_SECONDS) early. Sent all at once, each shop's chunk
 * would sit in the queue as one block, and a batch (at most 100 messages, taken
 * in queue order) would hold a few shops' blocks and leave the others out for a
 * whole box. Released this way, every shop with work has about one box's worth
 * visible when a batch is taken, and the shops' backlogs together stay small
 * enough to share one batch.
 */
export function releaseSchedule(writeRatePerSecond: number, waiting: number): Release {
	return { ahead: waiting, spacingMs: (WRITES_PER_SYNC * 1000) / Math.max(0.1, writeRatePerSecond), leadMs: RELEASE_LEAD_SECONDS * 1000 };
}

/** Below this much room a top-up waits: tiny chunks would cost a fan-out run each. */
export function minimumTopUp(target: number): number {
	return Math.max(1, Math.floor(target / 4));
}
