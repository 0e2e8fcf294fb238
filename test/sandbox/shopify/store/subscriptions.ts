/**
 * Webhook subscriptions of a store. Shop-specific ones come from the Admin API
 * (`webhookSubscriptionCreate`, or the test knob); app-specific ones (what
 * shopify.app.toml declares, including the compliance topics that only TOML can
 * declare) come from the sandbox's APP_WEBHOOK_URI / APP_WEBHOOK_TOPICS vars.
 * @see https://shopify.dev/docs/api/admin-graphql/latest/enums/WebhookSubscriptionTopic
 */
import { gid, ids } from "../catalog/ids";
import { isoSeconds } from "../graphql/serialize";

/** GraphQL enum → REST topic (the `X-Shopify-Topic` header), for the topics the sandbox can fire or accept. */
export const TOPICS: Record<string, string> = {
	PRODUCTS_CREATE: "products/create",
	PRODUCTS_UPDATE: "products/update",
	PRODUCTS_DELETE: "products/delete",
	INVENTORY_ITEMS_CREATE: "inventory_items/create",
	INVENTORY_ITEMS_UPDATE: "inventory_items/update",
	INVENTORY_ITEMS_DELETE: "inventory_items/delete",
	INVENTORY_LEVELS_UPDATE: "inventory_levels/update",
	COLLECTIONS_CREATE: "collections/create",
	COLLECTIONS_UPDATE: "collections/update",
	COLLECTIONS_DELETE: "collections/delete",
	APP_UNINSTALLED: "app/uninstalled",
	APP_SCOPES_UPDATE: "app/scopes_update",
	SHOP_UPDATE: "shop/update",
	BULK_OPERATIONS_FINISH: "bulk_operations/finish",
};

/** Only declarable in shopify.app.toml, never through the Admin API. */
export const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"];

export const enumForTopic = (topic: string) =>
	Object.entries(TOPICS).find(([, rest]) => rest === topic)?.[0] ?? topic.toUpperCase().replace(/\//g, "_");

export type Subscription = { id: number; topic: string; uri: string; apiVersion: string; createdAtMs: number };
export type Target = { url: string; apiVersion: string };

type Row = { id: number; topic: string; uri: string; api_version: string; created_at_ms: number };
const fromRow = (r: Row): Subscription => ({
	id: r.id,
	topic: r.topic,
	uri: r.uri,
	apiVersion: r.api_version,
	createdAtMs: r.created_at_ms,
});

export function listSubscriptions(sql: SqlStorage, topic?: string): Subscription[] {
	const rows = topic
		? sql.exec<Row>("SELECT * FROM subscriptions WHERE topic = ? ORDER BY id", topic).toArray()
		: sql.exec<Row>("SELECT * FROM subscriptions ORDER BY id").toArray();
	return rows.map(fromRow);
}

export type CreateResult = { ok: true; subscription: Subscription } | { ok: false; message: string; field: string[] };

export function createSubscription(
	sql: SqlStorage,
	slot: number,
	topic: string,
	uri: string,
	apiVersion: string,
	nowMs: number,
): CreateResult {
	if (!/^https?:\/\/[^\s]+$/.test(uri)) return { ok: false, field: ["webhookSubscription", "callbackUrl"], message: "Address is invalid" };
	const existing = sql.exec<Row>("SELECT * FROM subscriptions WHERE topic = ? AND uri = ?", topic, uri).toArray()[0];
	if (existing)
		return { ok: false, field: ["webhookSubscription", "callbackUrl"], message: "Address for this topic has already been taken" };
	const seq = sql.exec<{ n: number }>("SELECT count(*) + 1 AS n FROM subscriptions").one().n;
	let id = ids.subscription(slot, seq);
	while (sql.exec("SELECT 1 FROM subscriptions WHERE id = ?", id).toArray().length) id++;
	sql.exec(
		"INSERT INTO subscriptions (id, topic, uri, api_version, created_at_ms) VALUES (?, ?, ?, ?, ?)",
		id,
		topic,
		uri,
		apiVersion,
		nowMs,
	);
	return { ok: true, subscription: { id, topic, uri, apiVersion, createdAtMs: nowMs } };
}

export function deleteSubscription(sql: SqlStorage, id: number): boolean {
	return sql.exec("DELETE FROM subscriptions WHERE id = ?", id).rowsWritten > 0;
}

export function subscriptionNode(s: Subscription) {
	return {
		__typename: "WebhookSubscription",
		id: gid("WebhookSubscription", s.id),
		legacyResourceId: String(s.id),
		topic: enumForTopic(s.topic),
		uri: s.uri,
		callbackUrl: s.uri,
		endpoint: { __typename: "WebhookHttpEndpoint", callbackUrl: s.uri },
		format: "JSON",
		apiVersion: { handle: s.apiVersion },
		includeFields: [],
		filter: null,
		createdAt: isoSeconds(s.createdAtMs),
		updatedAt: isoSeconds(s.createdAtMs),
	};
}

/** Every address a delivery of `topic` goes to: shop-specific subscriptions, then the app-level (TOML) one. */
export function targetsFor(sql: SqlStorage, topic: string, app: { uri: string; topics: string[]; apiVersion: string }): Target[] {
	const targets = listSubscriptions(sql, topic).map((s) => ({ url: s.uri, apiVersion: s.apiVersion }));
	if (app.uri && app.topics.includes(topic) && !targets.some((t) => t.url === app.uri))
		targets.push({ url: app.uri, apiVersion: app.apiVersion });
	return targets;
}
