/** worker/sync/linking/: what is already on TikTok, and linking it instead of creating it. */
export { type BeforeCreate, linkBeforeCreate } from "./before-create";
export { runInventory, startInventory } from "./inventory-job";
export { linkingRoutes } from "./routes";
