/**
 * End-to-end setup for sync tests, through the real paths: a Shopify sandbox
 * store installed with POST /api/session (token exchange, webhooks, catalogue
 * import on the real queue), a TikTok sandbox seller connected through the
 * "Connect TikTok Shop" flow, templates created and activated through the API.
 * Queue messages are consumed by the real consumer in workerd; waits are bounded.
 */
import { env, exports } from "cloudflare:workers";
const sleep = (ms: number) => scheduler.wait(ms);
import { uniqueShop } from "../sandbox/shopify/client";
import { installShop, sessionFor } from "./shopify";
import { type ConnectOptions, connectTikTokShop } from "./tiktok";

export type Json = Record<string, any>;

export async function api<T = Json>(shop: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
	const res = await exports.default.fetch(`http://app.test${path}`, {
		method,
		headers: { ...(await sessionFor(shop)), "content-type": "application/json" },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Polls `check` until it returns a value (not undefined/false), at most `tries` times (by default every 100 ms for 30 s). */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined | false>,
	{ tries = 300, intervalMs = 100 } = {},
): Promise<T> {
	let last: unknown;
	for (let i = 0; i < tries; i++) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value as T;
		} catch (error) {
			last = error;
		}
		await sleep(intervalMs);
	}
	throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

export type SyncShop = { shop: string; sellerId: string };

export async function setUpShop(prefix: string, options: { productCount?: number; seller?: ConnectOptions } = {}): Promise<SyncShop> {
	const shop = uniqueShop(prefix);
	await installShop(shop, { productCount: options.productCount ?? 12 });
	await waitFor("the catalogue import", async () => {
		const { body } = await api<{ import: { status: string } | null }>(shop, "GET", "/api/import");
		return body.import?.status === "done"
			? true
			: body.import?.status === "failed"
				? Promise.reject(new Error("import failed"))
				: undefined;
	});
	const connected = await connectTikTokShop(shop, {
		writeRatePerSecond: 1000,
		readRatePerSecond: 1000,
		auditDelayMs: 0,
		...options.seller,
	});
	return { shop, sellerId: connected.sellerId ?? "" };
}

/** A template body for `categoryId` with every always-required attribute filled with its first value. */
export async function templateBodyFor(shop: string, categoryId: string, extra: Json = {}): Promise<Json> {
	const category = await api<Json>(shop, "GET", `/api/categories/${categoryId}`);
	if (category.status !== 200) throw new Error(`category ${categoryId}: ${JSON.stringify(category.body)}`);
	const attributes: Json = {};
	for (const attribute of category.body.attributes as Json[]) {
		if (attribute.type !== "PRODUCT_PROPERTY" || !attribute.is_requried) continue;
		attributes[attribute.id] = attribute.values?.length
			? { source: "fixed", values: [{ id: attribute.values[0].id }] }
			: { source: "fixed", values: [{ name: "Generic" }] };
	}
	return {
		name: "Test template",
		categoryId,
		attributes,
		shipping: { weightSource: "shopify", weightUnit: "KILOGRAM", backupWeight: 0.5 },
		...extra,
	};
}

/** A leaf the shop may list in, found by keyword, without certifications or size charts to upload. */
export async function plainLeaf(shop: string, keyword: string): Promise<string> {
	const found = await api<{ categories: Json[] }>(shop, "GET", `/api/categories?keyword=${encodeURIComponent(keyword)}&limit=50`);
	for (const node of found.body.categories.filter((c) => c.selectable && !c.inviteOnly)) {
		const spec = await api<Json>(shop, "GET", `/api/categories/${node.id}`);
		const rules = spec.body.rules ?? {};
		const certs = (rules.product_certifications ?? []).some((c: Json) => c.is_required || c.requirement_conditions?.length);
		if (!certs && !rules.size_chart?.is_required && !rules.package_dimension?.is_required) return node.id;
	}
	throw new Error(`no plain leaf category for "${keyword}"`);
}

export type SyncRow = {
	product_id: string;
	sync_state: string;
	review_state: string;
	tiktok_product_id: string | null;
	last_error_code: string | null;
	template_id: string | null;
};

export async function syncRows(shop: string): Promise<SyncRow[]> {
	const { results } = await env.DB.prepare(
		"SELECT product_id, sync_state, review_state, tiktok_product_id, last_error_code, template_id FROM product_sync WHERE shop_id = ? ORDER BY product_id",
	)
		.bind(shop)
		.all<SyncRow>();
	return results;
}

/** Waits until every sync run of the shop is done (fan-out finished, nothing queued or syncing) and returns the rows. */
export async function settled(shop: string, options?: { tries?: number; intervalMs?: number }): Promise<SyncRow[]> {
	await waitFor(
		`${shop}'s sync runs to finish`,
		async () => {
			const { body } = await api<{ runs: { status: string; counts: Record<string, number> }[] }>(shop, "GET", "/api/sync/runs");
			return body.runs.every((r) => r.status === "done" || r.status === "cancelled");
		},
		options,
	);
	return syncRows(shop);
}

export async function inspectSeller(sellerId: string): Promise<Json> {
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${sellerId}/inspect`);
	if (!res.ok) throw new Error(`inspect ${sellerId}: ${res.status}`);
	return res.json<Json>();
}

/** Runs one message through the real queue handler (as a delivery would) and reports how it was settled. */
export async function deliver(body: unknown, attempts = 1): Promise<{ acked: boolean; retried: boolean }> {
	const { createExecutionContext, createMessageBatch, getQueueResult } = await import("cloudflare:test");
	const worker = (await import("../../worker/index")).default;
	const id = crypto.randomUUID();
	const batch = createMessageBatch("sync-jobs", [{ id, timestamp: new Date(), attempts, body }]);
	const ctx = createExecutionContext();
	await worker.queue(batch, env, ctx);
	const result = await getQueueResult(batch, ctx);
	return { acked: result.explicitAcks.includes(id), retried: result.retryMessages.some((m) => m.msgId === id) };
}

export async function sellerFaults(sellerId: string, faults: Json): Promise<void> {
	const res = await fetch(`${env.TIKTOK_API_BASE}/__sandbox/sellers/${sellerId}/faults`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify(faults),
	});
	if (!res.ok) throw new Error(`faults: ${res.status} ${await res.text()}`);
}

/**
 * Saves a template as the editor does: the stored template with `change` applied
 * to what the editor may send (its read-only fields left out). Returns the PUT's answer.
 */
export async function editTemplate(shop: string, templateId: string, change: (template: Json) => Json) {
	const template = (await api<Json>(shop, "GET", `/api/templates/${templateId}`)).body;
	const {
		id: _id,
		isDefault: _d,
		isActive: _a,
		priority: _p,
		version: _v,
		category: _c,
		productCount: _n,
		ruleIssues: _r,
		activatedAt: _t,
		createdAt: _cr,
		updatedAt: _u,
		...editable
	} = template;
	return api<Json>(shop, "PUT", `/api/templates/${templateId}`, { ...editable, categoryId: template.category.id, ...change(template) });
}
