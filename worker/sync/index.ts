/** The sync engine's face, for the queue consumer and the product routes: the jobs, runs and the product sync state. */
export { fanOut } from "./jobs/fanout";
export { productChanged, pushProduct } from "./jobs/product-changed";
export { reconcileShop } from "./jobs/reconcile";
export { refreshReview } from "./jobs/review-refresh";
export { syncProduct } from "./jobs/sync-product";
export { markExhausted } from "./product-sync-repo";
export { createRun, enqueueSyncs, markQueued } from "./runs";
export { readWarnings } from "./warnings";
export { runInventory } from "./linking";
