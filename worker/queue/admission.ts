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
export const BATCH_SECONDS = 20;
/** A product's listing is a few image uploads plus the create. */
export const WRITES_PER_SYNC = 5;
/** A batch holds at most 100 messages: one shop may take all of it. */
export const MAX_SYNCS_PER_SHOP = 100;
/**
 * Jobs of one shop worked on at once. Each job reads D1 and downloads images
 * before its first TikTok call; starting all of a shop's jobs at once would delay
 * every first call behind that burst, while a few at a time keep the shop's
 * paced calls flowing from the first second.
 */
export const JOBS_PER_SHOP = 4;

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

/**
 * The box closes early when the batch fans out for a shop that has no syncs in
 * it (a run just started, or its released products missed this batch): that
 * shop's products can only start in the next batch, and a full box would keep
 * it waiting for twenty seconds while the other shops work.
 */
export const JOIN_SECONDS = 3;

export function timeBoxSeconds(messages: readonly Message<unknown>[]): number {
	const syncing = new Set(messages.filter(isSync).map(shopOf));
	return messages.some((m) => isFanOut(m) && !syncing.has(shopOf(m))) ? JOIN_SECONDS : BATCH_SECONDS;
}

/**
 * Admitted beyond what the box needs at WRITES_PER_SYNC, so a shop whose products
 * take fewer writes (fewer images) does not run dry before the box closes; the
 * time box, not this cap, ends its turn.
 */
export const BOX_SPARE = 1.5;

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
export async function deferToQueue(queue: Queue, messages: Message<unknown>[], log: (fields: Record<string, unknown>) => void): Promise<void> {
	if (messages.length === 0) return;
	try {
		for (let i = 0; i < messages.length; i += 100) await queue.sendBatch(messages.slice(i, i + 100).map((m) => ({ body: m.body })));
	} catch (error) {
		log({ level: "warn", msg: "could not defer messages; retrying them instead", count: messages.length, error: error instanceof Error ? error.message : String(error) });
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
