/**
 * The webhook outbox of one store. Every delivery (one per event and subscription)
 * is stored as the exact signed request Shopify would send, then POSTed from the
 * Durable Object's alarm: a 2xx settles it; a non-2xx, a network error or the 5 s
 * deadline is retried twice more, 1 s and 2 s later (Shopify retries 8 times over
 * 4 hours; the sandbox keeps it to seconds). An unreachable app (as in vitest)
 * leaves the deliveries in the outbox, marked failed, for tests to replay.
 * @see https://shopify.dev/docs/apps/build/webhooks/delivery-structure
 */
import { hmacBase64 } from "../auth/hmac";
import type { Target } from "./subscriptions";

export const MAX_ATTEMPTS = 3;
const BACKOFF_MS = [1000, 2000];
const DEADLINE_MS = 5000;
const BATCH = 25;

export type DeliveryStatus = "pending" | "delivered" | "failed";

export type Delivery = {
	seq: number;
	id: string;
	eventId: string;
	topic: string;
	url: string;
	headers: Record<string, string>;
	body: string;
	createdAt: string;
	status: DeliveryStatus;
	attempts: number;
	lastStatus: number | null;
	lastError: string | null;
};

type Row = {
	seq: number;
	id: string;
	event_id: string;
	topic: string;
	url: string;
	headers: string;
	body: string;
	created_at_ms: number;
	status: DeliveryStatus;
	attempts: number;
	next_attempt_at_ms: number | null;
	last_status: number | null;
	last_error: string | null;
};

const fromRow = (r: Row): Delivery => ({
	seq: r.seq,
	id: r.id,
	eventId: r.event_id,
	topic: r.topic,
	url: r.url,
	headers: JSON.parse(r.headers),
	body: r.body,
	createdAt: new Date(r.created_at_ms).toISOString(),
	status: r.status,
	attempts: r.attempts,
	lastStatus: r.last_status,
	lastError: r.last_error,
});

export type WebhookEvent = { shop: string; topic: string; payload: unknown; triggeredAtMs: number; extraHeaders?: Record<string, string> };

/** Signs and stores one delivery per target; they go out on the next alarm. */
export async function recordEvent(sql: SqlStorage, secret: string, event: WebhookEvent, targets: Target[]): Promise<Delivery[]> {
	const body = JSON.stringify(event.payload);
	const hmac = await hmacBase64(secret, body);
	const eventId = crypto.randomUUID();
	const deliveries: Delivery[] = [];
	for (const target of targets) {
		const id = crypto.randomUUID();
		const headers = {
			"Content-Type": "application/json",
			"User-Agent": "Shopify-Captain-Hook",
			"X-Shopify-Topic": event.topic,
			"X-Shopify-Hmac-Sha256": hmac,
			"X-Shopify-Shop-Domain": event.shop,
			"X-Shopify-API-Version": target.apiVersion,
			"X-Shopify-Webhook-Id": id,
			"X-Shopify-Event-Id": eventId,
			"X-Shopify-Triggered-At": new Date(event.triggeredAtMs).toISOString(),
			...event.extraHeaders,
		};
		const row = sql
			.exec<Row>(
				`INSERT INTO deliveries (id, event_id, topic, url, headers, body, created_at_ms, status, next_attempt_at_ms)
				 VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING *`,
				id,
				eventId,
				event.topic,
				target.url,
				JSON.stringify(headers),
				body,
				event.triggeredAtMs,
				event.triggeredAtMs,
			)
			.one();
		deliveries.push(fromRow(row));
	}
	return deliveries;
}

export type Attempt = { status: number | null; error: string | null };

export async function send(url: string, headers: Record<string, string>, body: string): Promise<Attempt> {
	try {
		const res = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(DEADLINE_MS) });
		await res.body?.cancel();
		return { status: res.status, error: null };
	} catch (error) {
		return { status: null, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
	}
}

/** Attempts the due deliveries; returns when the next retry is due, or null when nothing is pending. */
export async function deliverDue(sql: SqlStorage, nowMs: number): Promise<number | null> {
	const due = sql
		.exec<Row>("SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at_ms <= ? ORDER BY seq LIMIT ?", nowMs, BATCH)
		.toArray();
	const results = await Promise.all(due.map((r) => send(r.url, JSON.parse(r.headers), r.body)));
	due.forEach((r, i) => {
		const { status, error } = results[i];
		const attempts = r.attempts + 1;
		const ok = status !== null && status >= 200 && status < 300;
		const next = ok || attempts >= MAX_ATTEMPTS ? null : Date.now() + BACKOFF_MS[attempts - 1];
		sql.exec(
			"UPDATE deliveries SET attempts = ?, status = ?, next_attempt_at_ms = ?, last_status = ?, last_error = ? WHERE seq = ?",
			attempts,
			ok ? "delivered" : next === null ? "failed" : "pending",
			next,
			status,
			error ?? (ok ? null : `HTTP ${status}`),
			r.seq,
		);
	});
	const next = sql.exec<{ at: number | null }>("SELECT min(next_attempt_at_ms) AS at FROM deliveries WHERE status = 'pending'").one().at;
	return next ?? null;
}

export type DeliveryFilter = { ids?: string[]; topic?: string; since?: string; limit?: number };

export function listDeliveries(sql: SqlStorage, filter: DeliveryFilter): Delivery[] {
	const where: string[] = ["1"];
	const params: (string | number)[] = [];
	if (filter.topic) {
		where.push("topic = ?");
		params.push(filter.topic);
	}
	if (filter.since && /^\d+$/.test(filter.since)) {
		where.push("seq > ?");
		params.push(Number(filter.since));
	} else if (filter.since && Number.isFinite(Date.parse(filter.since))) {
		where.push("created_at_ms >= ?");
		params.push(Date.parse(filter.since));
	}
	if (filter.ids?.length) {
		where.push(`id IN (${filter.ids.map(() => "?").join(",")})`);
		params.push(...filter.ids);
	}
	const rows = sql
		.exec<Row>(`SELECT * FROM deliveries WHERE ${where.join(" AND ")} ORDER BY seq LIMIT ?`, ...params, filter.limit ?? 100)
		.toArray();
	return rows.map(fromRow);
}

export type ReplayRequest = DeliveryFilter & { times?: number; reverse?: boolean; url?: string };
export type ReplayResult = { id: string; eventId: string; topic: string; url: string; status: number | null; error: string | null };

/** Resends recorded deliveries unchanged (same ids, same signature): duplicates, and out of order with `reverse`. */
export async function replayDeliveries(sql: SqlStorage, req: ReplayRequest): Promise<ReplayResult[]> {
	const selected = listDeliveries(sql, { ...req, limit: req.limit ?? 1000 });
	const ordered = req.reverse ? selected.reverse() : selected;
	const results: ReplayResult[] = [];
	for (let round = 0; round < (req.times ?? 1); round++) {
		for (const d of ordered) {
			const url = req.url ?? d.url;
			const attempt = await send(url, d.headers, d.body);
			results.push({ id: d.id, eventId: d.eventId, topic: d.topic, url, ...attempt });
		}
	}
	return results;
}
