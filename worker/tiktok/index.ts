/**
 * What the rest of the app uses of TikTok Shop: the port, its types, a shop's
 * port, and the paced wrapper. The client, transport and signing stay inside
 * worker/tiktok/ (connect and webhooks use them directly).
 */
export type * from "./port";
export { PACED, pacedPort } from "./paced-port";
export { pacedPortForShop, portForShop, type ShopPort } from "./shop-port";
