/**
 * Webhook headers, as Shopify's own library reads them (`checkWebhooksHeaders`):
 * hmac, topic, shop domain, API version and webhook id are required; event id,
 * triggered-at, sub-topic and name are optional. Both header families are read:
 * the classic `X-Shopify-*` and the unprefixed `shopify-*` of the Events system.
 * @see https://shopify.dev/docs/apps/build/webhooks/delivery-structure
 * @see https://github.com/Shopify/shopify-app-js/blob/main/packages/apps/shopify-api/lib/webhooks/header-names.ts
 */
export const WEBHOOK_HEADERS = {
	hmac: ["x-shopify-hmac-sha256", "shopify-hmac-sha256"],
	topic: ["x-shopify-topic", "shopify-topic"],
	domain: ["x-shopify-shop-domain", "shopify-shop-domain"],
	apiVersion: ["x-shopify-api-version", "shopify-api-version"],
	webhookId: ["x-shopify-webhook-id", "shopify-webhook-id"],
	eventId: ["x-shopify-event-id", "shopify-event-id"],
	triggeredAt: ["x-shopify-triggered-at", "shopify-triggered-at"],
} as const;

type Name = keyof typeof WEBHOOK_HEADERS;
const REQUIRED = ["topic", "domain", "apiVersion", "webhookId"] as const satisfies Name[];

export type WebhookHeaders = {
	topic: string;
	domain: string;
	apiVersion: string;
	webhookId: string;
	eventId: string | null;
	triggeredAt: string | null;
};

export type HeadersResult = { ok: true; headers: WebhookHeaders } | { ok: false; missing: string[] };

export function readHeader(headers: Headers, name: Name): string | null {
	for (const header of WEBHOOK_HEADERS[name]) {
		const value = headers.get(header)?.trim();
		if (value) return value;
	}
	return null;
}

/** The HMAC header is checked by the caller first (a missing signature is a 401, not a 400). */
export function readWebhookHeaders(headers: Headers): HeadersResult {
	const missing = REQUIRED.filter((name) => readHeader(headers, name) === null).map((name) => WEBHOOK_HEADERS[name][0]);
	if (missing.length) return { ok: false, missing };
	return {
		ok: true,
		headers: {
			topic: readHeader(headers, "topic")!.toLowerCase(),
			domain: readHeader(headers, "domain")!.toLowerCase(),
			apiVersion: readHeader(headers, "apiVersion")!,
			webhookId: readHeader(headers, "webhookId")!,
			eventId: readHeader(headers, "eventId"),
			triggeredAt: readHeader(headers, "triggeredAt"),
		},
	};
}
