/**
 * Shop-specific webhook subscriptions, created through the Admin API at install.
 * Re-running is harmless: Shopify refuses a second subscription of a topic to the
 * same address ("has already been taken"), which counts as success here.
 * The compliance topics can only be declared in shopify.app.toml (app-level).
 * @see https://shopify.dev/docs/api/admin-graphql/latest/mutations/webhookSubscriptionCreate
 */
import type { AdminGraphql } from "../admin/graphql";
import { WEBHOOK_SUBSCRIPTION_CREATE } from "../admin/queries";
import { SUBSCRIBED_TOPICS } from "../webhooks/topics";

type CreateAnswer = { webhookSubscriptionCreate: { webhookSubscription: { id: string } | null; userErrors: { message: string }[] } | null };

export type RegisterResult = { ok: true } | { ok: false; topic: string; message: string };

/** `products/update` → `PRODUCTS_UPDATE` (WebhookSubscriptionTopic). */
export const topicEnum = (topic: string) => topic.toUpperCase().replace(/\//g, "_");

export async function registerWebhooks(graphql: AdminGraphql, appUrl: string): Promise<RegisterResult> {
	const uri = new URL("/webhooks/shopify", appUrl).toString();
	for (const topic of SUBSCRIBED_TOPICS) {
		const res = await graphql<CreateAnswer>(WEBHOOK_SUBSCRIPTION_CREATE, { topic: topicEnum(topic), uri });
		if (!res.ok) return { ok: false, topic, message: res.reason === "errors" ? res.messages.join("; ") : res.reason };
		const errors = (res.data.webhookSubscriptionCreate?.userErrors ?? []).filter((e) => !/already been taken/i.test(e.message));
		if (errors.length) return { ok: false, topic, message: errors.map((e) => e.message).join("; ") };
	}
	return { ok: true };
}
