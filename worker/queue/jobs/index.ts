/**
 * The job registry: one handler per message type. Handlers live with their
 * feature (shopify/, sync/, ...); this file only maps types to them.
 */
import type { Db } from "../../db/client";
import type { QueueMessage, QueueMessageOf } from "../messages";
import { type JobOutcome, failed } from "../outcome";

export type JobContext = { env: Env; db: Db; executionCtx: ExecutionContext; attempts: number };

type Registry = { [T in QueueMessage["type"]]: (message: QueueMessageOf<T>, ctx: JobContext) => Promise<JobOutcome> };

const notYet = async (): Promise<JobOutcome> => failed({ code: "NOT_IMPLEMENTED", message: "not implemented yet" });

export const jobs: Registry = {
	"product.changed": notYet,
	"product.complete": notYet,
	"import.page": notYet,
	"sync.fanout": notYet,
	"sync.product": notYet,
	"sync.push": notYet,
	"review.refresh": notYet,
	"shop.reconcile": notYet,
	"shop.purge": notYet,
};
