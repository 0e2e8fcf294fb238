/**
 * The topics this app handles, by `X-Shopify-Topic`. Any other topic is refused
 * with 400: we never subscribe to it, so a delivery of it is a misconfiguration
 * worth seeing in Shopify's delivery log rather than a silent 200.
 * A Map, not an object literal: the topic is unsigned header text, and a plain
 * object would answer `__proto__`, `constructor` or `toString` with a prototype
 * member instead of "unknown".
 */
import { appUninstalled } from "./app-uninstalled";
import { customersDataRequest, customersRedact, shopRedact } from "./compliance";
import { inventoryItemUpdate } from "./inventory-item-update";
import { productDelete } from "./product-delete";
import { productUpsert } from "./product-upsert";
import type { TopicHandler } from "./types";

export const TOPICS: ReadonlyMap<string, TopicHandler> = new Map([
	["products/create", productUpsert],
	["products/update", productUpsert],
	["products/delete", productDelete],
	["inventory_items/update", inventoryItemUpdate],
	["app/uninstalled", appUninstalled],
	["customers/data_request", customersDataRequest],
	["customers/redact", customersRedact],
	["shop/redact", shopRedact],
]);

/** The topics registered per shop through the Admin API; compliance topics can only be declared in shopify.app.toml. */
export const SUBSCRIBED_TOPICS = [
	"products/create",
	"products/update",
	"products/delete",
	"inventory_items/update",
	"app/uninstalled",
] as const;
