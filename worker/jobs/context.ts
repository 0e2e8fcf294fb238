/**
 * What every job gets: bindings, the database, the delivery attempt, and the
 * shop's TikTok port. Its own module so the registry (jobs/index.ts) and the
 * jobs it lists do not import each other.
 */
import { createDb, type Db } from "../db/client";
import { SendGates } from "../pacing";
import { pacedPortForShop, type ShopPort } from "../tiktok";

export type JobContext = {
	env: Env;
	db: Db;
	executionCtx: ExecutionContext;
	attempts: number;
	/** This queue invocation's own (see SendGates). */
	sendGates: SendGates;
	/** The shop's TikTok port, paced by its limiter (a fake in unit tests). */
	tiktok: (shopId: string) => Promise<ShopPort>;
};

export function jobContext(env: Env, executionCtx: ExecutionContext): JobContext {
	const db = createDb(env.DB);
	const sendGates = new SendGates();
	return { env, db, executionCtx, attempts: 1, sendGates, tiktok: (shopId) => pacedPortForShop(env, db, shopId, sendGates) };
}
