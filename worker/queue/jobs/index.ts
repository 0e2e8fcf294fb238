/**
 * The job registry: one handler per message type. Handlers live with their
 * feature (shopify/, sync/, ...); this file only maps types to them.
 */
import { runImportPage, runProductComplete, runShopPurge } from "../../shopify";
import { fanOut, productChanged, pushProduct, reconcileShop, refreshReview, runInventory, syncProduct } from "../../sync";
import type { JobContext, JobOutcome, QueueMessage, QueueMessageOf } from "../../jobs";

type Registry = { [T in QueueMessage["type"]]: (message: QueueMessageOf<T>, ctx: JobContext) => Promise<JobOutcome> };

export const jobs: Registry = {
	"product.changed": productChanged,
	"product.complete": runProductComplete,
	"import.page": runImportPage,
	"sync.fanout": fanOut,
	"sync.product": syncProduct,
	"sync.push": pushProduct,
	"review.refresh": refreshReview,
	"shop.reconcile": reconcileShop,
	"shop.purge": runShopPurge,
	"tiktok.inventory": runInventory,
};
