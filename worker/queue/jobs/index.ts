/**
 * The job registry: one handler per message type. Handlers live with their
 * feature (shopify/, sync/, ...); this file only maps types to them.
 */
import { runProductComplete } from "../../shopify/import/complete-job";
import { runImportPage } from "../../shopify/import/page-job";
import { runShopPurge } from "../../shopify/purge/purge-job";
import { fanOut } from "../../sync/jobs/fanout";
import { productChanged, pushProduct } from "../../sync/jobs/product-changed";
import { reconcileShop } from "../../sync/jobs/reconcile";
import { refreshReview } from "../../sync/jobs/review-refresh";
import { syncProduct } from "../../sync/jobs/sync-product";
import type { JobContext } from "../job-context";
import type { QueueMessage, QueueMessageOf } from "../messages";
import type { JobOutcome } from "../outcome";

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
};
