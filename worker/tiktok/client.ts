/**
 * `createTikTokClient(app, shop)`: one TikTok Shop client per shop, every call typed and
 * returning `Promise<TikTokResult<T>>` (never throwing for an expected failure).
 *
 * The client holds the shop's access token and replaces it when `refreshAccessToken()`
 * yields a new one, so a long-lived client keeps working across a refresh.
 * App-level token calls (code exchange, refresh) live in `createTikTokAuth(app)`.
 */
import { getAccessToken, getAuthorizedShops, refreshAccessToken } from "./api/auth";
import { getBrands, getCategories, getCategoryAttributes, getCategoryRules, recommendCategory } from "./api/categories";
import type { CallContext } from "./api/context";
import { defaultSalesWarehouse, getWarehouses } from "./api/logistics";
import { uploadFile, uploadImage } from "./api/media";
import { activateProducts, deactivateProducts, deleteProducts, updateInventory, updatePrices } from "./api/product-updates";
import {
	checkListing,
	createProduct,
	editProduct,
	findProductsBySellerSkus,
	getProduct,
	partialEditProduct,
	searchProducts,
} from "./api/products";
import { listWebhooks, registerWebhook } from "./api/webhooks";
import type { TikTokAppConfig } from "./transport";

export type TikTokShopAuth = {
	accessToken: string;
	/** From authorized shops; required by every shop-scoped call. */
	shopCipher?: string | null;
	/** TikTok shop region (US, GB, …): US selects category tree v2. */
	region?: string | null;
	/** Called once when TikTok says the token expired; returns the new access token or null. */
	refreshAccessToken?: () => Promise<string | null>;
};

type Rest<F> = F extends (ctx: CallContext, ...args: infer A) => infer R ? (...args: A) => R : never;

const bind = <F extends (ctx: CallContext, ...args: never[]) => unknown>(ctx: CallContext, fn: F) =>
	((...args: never[]) => fn(ctx, ...args)) as Rest<F>;

/** What every call of one shop carries; the port (port-adapter.ts) and the client share it. */
export function shopCallContext(app: TikTokAppConfig, shop: TikTokShopAuth): CallContext {
	return {
		app,
		session: { accessToken: shop.accessToken, shopCipher: shop.shopCipher ?? null, refreshAccessToken: shop.refreshAccessToken },
		region: shop.region ?? null,
	};
}

export function createTikTokClient(app: TikTokAppConfig, shop: TikTokShopAuth) {
	return clientOver(shopCallContext(app, shop));
}

export function clientOver(ctx: CallContext) {
	return {
		/** The token currently in use (changes after a refresh). */
		get accessToken() {
			return ctx.session.accessToken;
		},
		region: ctx.region,
		getAuthorizedShops: bind(ctx, getAuthorizedShops),
		getCategories: bind(ctx, getCategories),
		recommendCategory: bind(ctx, recommendCategory),
		getCategoryAttributes: bind(ctx, getCategoryAttributes),
		getCategoryRules: bind(ctx, getCategoryRules),
		getBrands: bind(ctx, getBrands),
		getWarehouses: bind(ctx, getWarehouses),
		uploadImage: bind(ctx, uploadImage),
		uploadFile: bind(ctx, uploadFile),
		createProduct: bind(ctx, createProduct),
		checkListing: bind(ctx, checkListing),
		getProduct: bind(ctx, getProduct),
		searchProducts: bind(ctx, searchProducts),
		findProductsBySellerSkus: bind(ctx, findProductsBySellerSkus),
		editProduct: bind(ctx, editProduct),
		partialEditProduct: bind(ctx, partialEditProduct),
		updatePrices: bind(ctx, updatePrices),
		updateInventory: bind(ctx, updateInventory),
		activateProducts: bind(ctx, activateProducts),
		deactivateProducts: bind(ctx, deactivateProducts),
		deleteProducts: bind(ctx, deleteProducts),
		registerWebhook: bind(ctx, registerWebhook),
		listWebhooks: bind(ctx, listWebhooks),
	};
}

export type TikTokClient = ReturnType<typeof createTikTokClient>;

/** App-level OAuth token calls (no shop yet, or a refresh outside a client). */
export function createTikTokAuth(app: TikTokAppConfig) {
	return {
		getAccessToken: (authCode: string) => getAccessToken(app, authCode),
		refreshAccessToken: (refreshToken: string) => refreshAccessToken(app, refreshToken),
	};
}

export { defaultSalesWarehouse };
export type { TikTokAppConfig };
