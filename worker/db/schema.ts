/**
 * The D1 schema for the whole mission: shops, the Shopify catalogue, category
 * templates and their rules, per-product sync state, webhook receipts, the
 * TikTok image cache, sync runs and catalogue imports.
 *
 * Invariants:
 * - Every row that belongs to a shop carries `shop_id` (the myshopify domain),
 *   and every index that serves a query starts with it.
 * - Shopify and TikTok ids are TEXT: they exceed 2^53.
 * - Timestamps are integer milliseconds since the epoch unless named `*_at_s`.
 * - Money is kept as the decimal string Shopify sent; the `search_*` and
 *   `*_min`/`*_max` columns on `products` are derived at write time so that a
 *   template's rules compile to a single scan of `products` (see templates/rules).
 *
 * @see https://developers.cloudflare.com/d1/platform/limits/ (100 bound parameters per statement)
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const timestamps = {
	createdAt: integer().notNull(),
	updatedAt: integer().notNull(),
};

export const shops = sqliteTable(
	"shops",
	{
		/** The shop's myshopify domain, e.g. `demo-store.myshopify.com`. */
		id: text().primaryKey(),
		name: text(),
		currency: text(),
		/** Shopify's default weight unit for the shop: g, kg, lb or oz. */
		weightUnit: text(),
		/** AES-GCM ciphertexts (see crypto/secret-box); never logged, never returned. */
		shopifyAccessTokenEnc: text(),
		shopifyRefreshTokenEnc: text(),
		shopifyTokenExpiresAt: integer(),
		shopifyRefreshExpiresAt: integer(),
		shopifyScopes: text(),
		tiktokAccessTokenEnc: text(),
		tiktokRefreshTokenEnc: text(),
		tiktokAccessExpiresAt: integer(),
		tiktokRefreshExpiresAt: integer(),
		tiktokShopId: text(),
		tiktokShopCipher: text(),
		tiktokShopName: text(),
		/** TikTok shop region: US, GB, ID, BR, ... Decides category version and units. */
		tiktokRegion: text(),
		tiktokWarehouseId: text(),
		/** Merchant settings. */
		pushContentEdits: integer({ mode: "boolean" }).notNull().default(false),
		/** 'metric' (KILOGRAM + CENTIMETER) or 'imperial' (POUND + INCH, US only). */
		unitSystem: text({ enum: ["metric", "imperial"] })
			.notNull()
			.default("metric"),
		/** Daily listing quota: creates allowed per UTC day, used today, and a pause after TikTok said 12052093. */
		listingQuotaDaily: integer().notNull().default(1000),
		listingQuotaDay: text(),
		listingQuotaUsed: integer().notNull().default(0),
		listingQuotaPausedUntil: integer(),
		/** Last reconcile of review states through Search Products (ms). */
		tiktokReconciledAt: integer(),
		/** When the TikTok shop was last connected, and when an inventory of its listings last completed (ms): an inventory older than the connection is stale. */
		tiktokConnectedAt: integer(),
		tiktokInventoryAt: integer(),
		installedAt: integer(),
		uninstalledAt: integer(),
		...timestamps,
	},
	(t) => [uniqueIndex("shops_tiktok_shop_id").on(t.tiktokShopId)],
);

export const products = sqliteTable(
	"products",
	{
		shopId: text().notNull(),
		/** Shopify's numeric product id, as text. */
		id: text().notNull(),
		gid: text().notNull(),
		title: text().notNull(),
		bodyHtml: text(),
		vendor: text(),
		productType: text(),
		handle: text(),
		/** active | draft | archived | unlisted (lower case). */
		status: text().notNull(),
		/** JSON string[] as the merchant wrote them. */
		tags: text().notNull().default("[]"),
		/** Shopify standard product taxonomy, e.g. `aa-2-14-3` and its full name. */
		categoryId: text(),
		categoryName: text(),
		categoryFullName: text(),
		/** JSON string[] of collection ids. */
		collectionIds: text().notNull().default("[]"),
		/** JSON [{name, values[]}] */
		options: text().notNull().default("[]"),
		/** JSON [{src, width, height, alt}] in Shopify's order. */
		images: text().notNull().default("[]"),
		/** Shopify's `updated_at`, ms: an older payload never overwrites a newer row. */
		shopifyUpdatedAt: integer().notNull(),
		/** Derived search columns, lower-cased; lists are wrapped in U+001F separators. */
		searchTitle: text().notNull().default(""),
		searchVendor: text().notNull().default(""),
		searchType: text().notNull().default(""),
		searchTags: text().notNull().default(""),
		searchCategory: text().notNull().default(""),
		searchCollections: text().notNull().default(""),
		searchVariantTitles: text().notNull().default(""),
		searchVariantSkus: text().notNull().default(""),
		searchPrices: text().notNull().default(""),
		searchCompareAtPrices: text().notNull().default(""),
		searchWeights: text().notNull().default(""),
		searchInventories: text().notNull().default(""),
		variantCount: integer().notNull().default(0),
		priceMin: real(),
		priceMax: real(),
		compareAtMin: real(),
		compareAtMax: real(),
		weightMinG: real(),
		weightMaxG: real(),
		inventoryMin: integer(),
		inventoryMax: integer(),
		inventoryTotal: integer().notNull().default(0),
		/** Set when Shopify's payload was cut at 100 variants and the rest must be fetched. */
		variantsIncomplete: integer({ mode: "boolean" }).notNull().default(false),
		deletedAt: integer(),
		...timestamps,
	},
	(t) => [
		primaryKey({ columns: [t.shopId, t.id] }),
		index("products_shop_title").on(t.shopId, t.searchTitle),
		index("products_shop_updated").on(t.shopId, t.shopifyUpdatedAt),
	],
);

export const variants = sqliteTable(
	"variants",
	{
		shopId: text().notNull(),
		productId: text().notNull(),
		id: text().notNull(),
		gid: text().notNull(),
		title: text(),
		sku: text(),
		barcode: text(),
		/** Decimal strings exactly as Shopify sent them. */
		price: text().notNull(),
		compareAtPrice: text(),
		inventoryQuantity: integer().notNull().default(0),
		inventoryItemId: text(),
		/** Weight normalised to grams; null when Shopify has none. */
		weightGrams: real(),
		/** The weight as the merchant entered it. */
		weightValue: real(),
		weightUnit: text(),
		option1: text(),
		option2: text(),
		option3: text(),
		position: integer().notNull().default(1),
		imageSrc: text(),
		...timestamps,
	},
	(t) => [
		primaryKey({ columns: [t.shopId, t.productId, t.id] }),
		index("variants_shop_inventory_item").on(t.shopId, t.inventoryItemId),
		index("variants_shop_sku").on(t.shopId, t.sku),
	],
);

export const templates = sqliteTable(
	"templates",
	{
		shopId: text().notNull(),
		id: text().notNull(),
		name: text().notNull(),
		isDefault: integer({ mode: "boolean" }).notNull().default(false),
		isActive: integer({ mode: "boolean" }).notNull().default(false),
		/** Lower number wins; the default template ignores it (it takes what nobody claims). */
		priority: integer().notNull().default(0),
		/** 'all' (every rule must match) or 'any'. */
		matchMode: text().notNull().default("all"),
		categoryId: text(),
		/** JSON [{id, name}] from the root to the leaf. */
		categoryPath: text().notNull().default("[]"),
		categoryVersion: text(),
		/** JSON string[] of TikTok permission_statuses at save time. */
		categoryPermissions: text().notNull().default("[]"),
		/** JSON: attribute values by attribute id (value ids, custom names or a product source). */
		attributes: text().notNull().default("{}"),
		/** JSON: certifications with uploaded file ids / image uris and expiry. */
		certifications: text().notNull().default("[]"),
		/** JSON: size chart image uri or template id, or null. */
		sizeChart: text(),
		/** JSON: weight source, backup or custom weight, unit, package dimensions. */
		shipping: text().notNull().default("{}"),
		/** JSON: optional product info (brand, title/description tweaks...). */
		extra: text().notNull().default("{}"),
		/** Increments on every save; a product remembers which version it was listed with. */
		version: integer().notNull().default(1),
		activatedAt: integer(),
		...timestamps,
	},
	(t) => [
		primaryKey({ columns: [t.shopId, t.id] }),
		index("templates_shop_priority").on(t.shopId, t.priority),
		// At most one default template per shop.
		uniqueIndex("templates_shop_default").on(t.shopId).where(sql`${t.isDefault} = 1`),
	],
);

export const templateRules = sqliteTable(
	"template_rules",
	{
		shopId: text().notNull(),
		templateId: text().notNull(),
		position: integer().notNull(),
		/** Column and relation from the smart-collection vocabulary (templates/rules/schema). */
		column: text().notNull(),
		relation: text().notNull(),
		condition: text().notNull().default(""),
	},
	(t) => [primaryKey({ columns: [t.shopId, t.templateId, t.position] })],
);

/** What this app did with a product; only sync/product-sync-repo.ts changes it, by the transitions written there. */
export const SYNC_STATES = ["not_synced", "queued", "syncing", "synced", "failed", "waiting_quota", "linked"] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/**
 * Per-product sync state. `syncState` is what this app did; `reviewState` is what
 * TikTok's audit says. The merchant-facing badge combines both.
 */
export const productSync = sqliteTable(
	"product_sync",
	{
		shopId: text().notNull(),
		productId: text().notNull(),
		syncState: text({ enum: SYNC_STATES }).notNull().default("not_synced"),
		/** none | in_review | live | review_failed | pending_category_approval | deactivated | frozen | deleted */
		reviewState: text().notNull().default("none"),
		/** JSON: TikTok's audit_failed_reasons / pre_approved_reasons. */
		reviewReasons: text(),
		/** JSON [{field, message}]: the warnings of TikTok's last create or edit answer (a field it cleared); null when it had none. */
		warnings: text(),
		tiktokProductId: text(),
		/** JSON: Shopify variant id -> {skuId, sellerSku}. */
		tiktokSkus: text(),
		templateId: text(),
		templateVersion: integer(),
		runId: text(),
		lastErrorCode: text(),
		lastErrorMessage: text(),
		lastErrorFix: text(),
		lastRequestId: text(),
		attempts: integer().notNull().default(0),
		/** Bumped by a merchant's re-sync; part of the create idempotency key. */
		generation: integer().notNull().default(0),
		/** Lease: a consumer owns the product until leaseUntil; leaseToken proves which one. */
		leaseUntil: integer(),
		leaseToken: text(),
		/** Set before a create call; if still set on the next attempt, the answer may have been lost. */
		createInFlightKey: text(),
		/** Hashes of what was last pushed, so no-op Shopify updates send nothing. */
		contentHash: text(),
		priceHash: text(),
		inventoryHash: text(),
		syncedAt: integer(),
		...timestamps,
	},
	(t) => [
		primaryKey({ columns: [t.shopId, t.productId] }),
		index("product_sync_shop_state").on(t.shopId, t.syncState),
		index("product_sync_shop_run").on(t.shopId, t.runId, t.syncState),
		index("product_sync_shop_template").on(t.shopId, t.templateId),
		index("product_sync_shop_tiktok").on(t.shopId, t.tiktokProductId),
	],
);

/** How a TikTok listing relates to the shop's Shopify products (worker/linking/match.ts); `skipped`: the merchant said it is none of them. */
export const LISTING_MATCHES = ["own", "linked", "ambiguous", "unmatched", "skipped"] as const;
export type ListingMatch = (typeof LISTING_MATCHES)[number];

/**
 * The shop's TikTok listings as last seen (the inventory, and searches before a create),
 * so nothing already on TikTok is created a second time.
 */
export const tiktokListings = sqliteTable(
	"tiktok_listings",
	{
		shopId: text().notNull(),
		tiktokProductId: text().notNull(),
		/** JSON: [{id, sellerSku}]. */
		skus: text().notNull(),
		status: text().notNull(),
		externalProductId: text(),
		match: text({ enum: LISTING_MATCHES }).notNull().default("unmatched"),
		/** The Shopify product it is (own or linked), or null. */
		productId: text(),
		/** Why an ambiguous listing was not linked, in plain words. */
		reason: text(),
		/** The inventory pass that last saw it (its start, ms). */
		seenAt: integer().notNull(),
	},
	(t) => [primaryKey({ columns: [t.shopId, t.tiktokProductId] }), index("tiktok_listings_shop_match").on(t.shopId, t.match)],
);

/** One row per webhook delivery, Shopify's or TikTok's; a redelivery hits the key and is dropped. */
export const webhookReceipts = sqliteTable(
	"webhook_receipts",
	{
		shopId: text().notNull(),
		/** 'shopify' | 'tiktok' */
		source: text().notNull(),
		/** X-Shopify-Webhook-Id or tts_notification_id. */
		deliveryId: text().notNull(),
		eventId: text(),
		topic: text().notNull(),
		triggeredAt: text(),
		receivedAt: integer().notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.shopId, t.source, t.deliveryId] }),
		uniqueIndex("webhook_receipts_event").on(t.shopId, t.source, t.topic, t.eventId),
		index("webhook_receipts_shop_received").on(t.shopId, t.receivedAt),
	],
);

/** TikTok-hosted copies of Shopify images: each source image is uploaded once per use case. */
export const imageCache = sqliteTable(
	"image_cache",
	{
		shopId: text().notNull(),
		sourceUrl: text().notNull(),
		useCase: text().notNull(),
		uri: text().notNull(),
		url: text(),
		width: integer(),
		height: integer(),
		createdAt: integer().notNull(),
	},
	(t) => [primaryKey({ columns: [t.shopId, t.sourceUrl, t.useCase] })],
);

/** A sync run: an activation, a manual sync or a re-sync. Progress is counted from product_sync by run id. */
export const syncRuns = sqliteTable(
	"sync_runs",
	{
		shopId: text().notNull(),
		id: text().notNull(),
		templateId: text(),
		/** activation | manual | resync | webhook */
		kind: text().notNull(),
		/** fanning_out | running | done | cancelled */
		status: text().notNull(),
		total: integer().notNull().default(0),
		/** Fan-out continuation: the last product id enqueued. */
		cursor: text(),
		/** Manual syncs: the submitted form (category + template config) that overrides the template. */
		overrides: text(),
		finishedAt: integer(),
		...timestamps,
	},
	(t) => [primaryKey({ columns: [t.shopId, t.id] }), index("sync_runs_shop_status").on(t.shopId, t.status)],
);

/** Catalogue import (install backfill): resumable through its cursor. */
export const imports = sqliteTable(
	"imports",
	{
		shopId: text().notNull(),
		id: text().notNull(),
		/** running | done | failed */
		status: text().notNull(),
		cursor: text(),
		imported: integer().notNull().default(0),
		total: integer(),
		error: text(),
		finishedAt: integer(),
		...timestamps,
	},
	(t) => [primaryKey({ columns: [t.shopId, t.id] }), index("imports_shop_status").on(t.shopId, t.status)],
);

/** Short-lived copies of TikTok reference data (categories, attributes, rules) per shop and region. */
export const tiktokCache = sqliteTable(
	"tiktok_cache",
	{
		shopId: text().notNull(),
		key: text().notNull(),
		body: text().notNull(),
		expiresAt: integer().notNull(),
	},
	(t) => [primaryKey({ columns: [t.shopId, t.key] })],
);

/**
 * One row per Connect TikTok Shop link, so that its `state` works once: the row is claimed when
 * the browser opens the link (/auth/tiktok/start) and deleted by the first callback that presents
 * it. Rows past `expiresAt` are pruned for the shop when it makes its next link.
 */
export const tiktokConnectStates = sqliteTable(
	"tiktok_connect_states",
	{
		shopId: text().notNull(),
		/** The state JWT's random `jti`. */
		jti: text().notNull(),
		expiresAt: integer().notNull(),
		/** When the browser opened the link and received the cookie that binds it; null until then. */
		startedAt: integer(),
		createdAt: integer().notNull(),
	},
	(t) => [primaryKey({ columns: [t.shopId, t.jti] })],
);

export type Shop = typeof shops.$inferSelect;
export type Product = typeof products.$inferSelect;
export type Variant = typeof variants.$inferSelect;
export type Template = typeof templates.$inferSelect;
export type TemplateRule = typeof templateRules.$inferSelect;
export type ProductSync = typeof productSync.$inferSelect;
export type SyncRun = typeof syncRuns.$inferSelect;
export type TikTokListing = typeof tiktokListings.$inferSelect;
