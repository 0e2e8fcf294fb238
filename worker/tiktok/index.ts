/**
 * What the rest of the app uses of TikTok Shop: the port, its types, a shop's
 * port, the paced wrapper, and TikTok's shapes the app builds (the product body,
 * a category's attributes and rules). The client, transport and signing stay inside
 * worker/tiktok/ (connect and webhooks use them directly).
 */
export type { ListingBody, ProductAttribute, SalesAttribute, SkuInput } from "./api/product-body";
export type { CategoryAttribute, CategoryCertification, CategoryRules, CategorySpec, RequirementCondition } from "./category-spec";
export type * from "./port";
export { PACED, pacedPort } from "./paced-port";
export { pacedPortForShop, portForShop, type ShopPort } from "./shop-port";
export { verifyTikTokWebhook } from "./webhook";
