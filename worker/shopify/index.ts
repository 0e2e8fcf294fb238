/** The shopify feature's face, for the queue consumer: the import and purge jobs. */
export { runProductComplete } from "./import/complete-job";
export { runImportPage } from "./import/page-job";
export { runShopPurge } from "./purge/purge-job";
