/**
 * The shops feature's face: the one reader and writer of the `shops` row.
 * Sealing and unsealing tokens stays with the platform that uses them
 * (shopify/auth/shop-tokens.ts, tiktok/connect/shop-store.ts).
 */
export { findShop, findShopByTikTokShop, installedShopIds, installedShopQuery, installStateQuery, requireShop } from "./read";
export { clearQuotaPause, countListingCreate, setQuotaPause, type ShopSettings, updateSettings } from "./settings";
export {
	forgetShopifyToken,
	markInstalled,
	markUninstalled,
	type SealedShopifyTokens,
	saveShopifyTokens,
	swapShopifyTokens,
} from "./shopify";
export {
	clearTikTokConnection,
	markInventoryTaken,
	revokeTikTokTokens,
	type SaveConnectionResult,
	type SealedTikTokConnection,
	type SealedTikTokTokens,
	saveTikTokConnection,
	swapTikTokTokens,
} from "./tiktok";
