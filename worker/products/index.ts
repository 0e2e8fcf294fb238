/** The products feature's face: the products page API (mounted by app.ts) and the sync badge of a product. */
export { BADGE_LABELS, BADGES, type Badge, badgeOf } from "./badge";
export { productRoutes } from "./routes";
