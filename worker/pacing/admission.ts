/**
 * Which messages of a batch run now. A batch ends only when its slowest message
 * does, and the local queue (like a single consumer) runs one batch at a time:
 * a batch holding many products of one shop would keep every other shop waiting
 * behind it, and a shop with few messages in a long batch would sit idle. So each
 * shop's sync messages are admitted up to a little more than its TikTok write
 * budget serves in BATCH_SECONDS, and no job starts after that time box: what is left goes
 * back to the queue (re-sent, then acked: a deferral is not a failed attempt).
 * Every shop in a batch works for the whole box and the batch ends together, so
 * the time between batches (the broker's wait and each job's setup) stays small
 * next to it. Other job types are cheap and always run.
 */
import { BATCH_SECONDS, BOX_SPARE, JOBS_PER_SHOP, JOIN_SECONDS, MAX_SYNCS_PER_SHOP, WRITES_PER_SYNC } from "./policy";

/**
 * About one second of the shop's writes in progress, at least two: enough for one
 * job's setup to overlap another's calls, few enough that the jobs still running
 * when the box closes (the batch's tail, which other shops sit out) end quickly.
 */
export function jobsPerShop(writeRatePerSecond: number): number {
	return Math.max(2, Math.min(JOBS_PER_SHOP, Math.ceil(writeRatePerSecond / WRITES_PER_SYNC)));
}

type Body = { type?: unknown; shopId?: unknown };
const shopOf = (message: Message<unknown>) => String((message.body as Body)?.shopId ?? "");
const isSync = (message: Message<unknown>) => (message.body as Body)?.type === "sync.product";
const isFanOut = (message: Message<unknown>) => (message.body as Body)?.type === "sync.fanout";

export function timeBoxSeconds(messages: readonly Message<unknown>[]): number {
	const syncing = new Set(messages.filter(isSync).map(shopOf));
	return messages.some((m) => isFanOut(m) && !syncing.has(shopOf(m))) ? JOIN_SECONDS : BATCH_SECONDS;
}

export function syncsPerBatch(writeRatePerSecond: number): number {
	return Math.max(1, Math.min(MAX_SYNCS_PER_SHOP, Math.floor((writeRatePerSecond * BATCH_SECONDS * BOX_SPARE) / WRITES_PER_SYNC)));
}

export async function admit(
	messages: readonly Message<unknown>[],
	writeRate: (shopId: string) => Promise<number>,
): Promise<{ run: Message<unknown>[]; defer: Message<unknown>[]; lanes: Map<string, number> }> {
	const run: Message<unknown>[] = [];
	const defer: Message<unknown>[] = [];
	const syncsByShop = Map.groupBy(messages.filter(isSync), shopOf);
	const rates = new Map(await Promise.all([...syncsByShop.keys()].map(async (shop) => [shop, await writeRate(shop)] as const)));
	const caps = new Map([...rates].map(([shop, rate]) => [shop, syncsPerBatch(rate)]));
	const lanes = new Map([...rates].map(([shop, rate]) => [shop, jobsPerShop(rate)]));
	const taken = new Map<string, number>();
	for (const message of messages) {
		if (!isSync(message)) {
			run.push(message);
			continue;
		}
		const shop = shopOf(message);
		const count = taken.get(shop) ?? 0;
		taken.set(shop, count + 1);
		(count < (caps.get(shop) ?? 1) ? run : defer).push(message);
	}
	return { run, defer, lanes };
}

/** Sends deferred messages back to the queue, then acks them; if the send fails they are retried instead. */
export async function deferToQueue(
	queue: Queue,
	messages: Message<unknown>[],
	log: (fields: Record<string, unknown>) => void,
): Promise<void> {
	if (messages.length === 0) return;
	try {
		for (let i = 0; i < messages.length; i += 100) await queue.sendBatch(messages.slice(i, i + 100).map((m) => ({ body: m.body })));
	} catch (error) {
		log({
			level: "warn",
			msg: "could not defer messages; retrying them instead",
			count: messages.length,
			error: error instanceof Error ? error.message : String(error),
		});
		for (const message of messages) message.retry({ delaySeconds: 1 });
		return;
	}
	for (const message of messages) message.ack();
}

/**
 * Runs each shop's messages, a few at a time per shop (`lanes`, else
 * JOBS_PER_SHOP), all shops side by side. No job starts at or after
 * `startBefore` (epoch ms); those messages are returned untouched for the caller
 * to defer.
 */
export async function runByShop(
	messages: Message<unknown>[],
	work: (message: Message<unknown>) => Promise<void>,
	startBefore = Number.POSITIVE_INFINITY,
	lanes: ReadonlyMap<string, number> = new Map(),
): Promise<Message<unknown>[]> {
	const byShop = Map.groupBy(messages, shopOf);
	const unstarted: Message<unknown>[] = [];
	await Promise.all(
		[...byShop].map(async ([shop, list]) => {
			let next = 0;
			const worker = async () => {
				while (next < list.length && Date.now() < startBefore) await work(list[next++]);
			};
			await Promise.all(Array.from({ length: Math.min(lanes.get(shop) ?? JOBS_PER_SHOP, list.length) }, worker));
			unstarted.push(...list.slice(next));
		}),
	);
	return unstarted;
}
