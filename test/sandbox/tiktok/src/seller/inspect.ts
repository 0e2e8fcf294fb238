/**
 * What tests and benchmarks read back: listings with the exact create bodies,
 * request counts per second, refusals by code, quota use, fault counts, and
 * `duplicates`: the number of groups of live listings that are the same product
 * twice, linked by an equal external_product_id or an equal set of seller SKUs.
 */
import { allProducts } from "../products/model.ts";
import { faultState } from "./faults.ts";
import { quotaUsage } from "./limits.ts";
import type { SellerProfile } from "./profile.ts";

function duplicateGroups(listings: { id: string; external: string | null; skuSet: string }[]): string[][] {
	const parent = new Map(listings.map((l) => [l.id, l.id]));
	const root = (id: string): string => (parent.get(id) === id ? id : root(parent.get(id) as string));
	const firstByKey = new Map<string, string>();
	for (const l of listings) {
		for (const key of [l.external ? `e:${l.external}` : null, l.skuSet ? `s:${l.skuSet}` : null]) {
			if (!key) continue;
			const first = firstByKey.get(key);
			if (first) parent.set(root(l.id), root(first));
			else firstByKey.set(key, l.id);
		}
	}
	const groups = new Map<string, string[]>();
	for (const l of listings) groups.set(root(l.id), [...(groups.get(root(l.id)) ?? []), l.id]);
	return [...groups.values()].filter((g) => g.length > 1);
}

/**
 * Documented rules TikTok states but does not refuse with a code, counted from
 * the exact bodies received so a test can hold the app to them:
 * `single_sku_sales_attributes`: a product with one SKU sent with sales_attributes
 * (TikTok: omit them for a single SKU).
 */
function ruleBreaks(bodies: (string | null)[]): { single_sku_sales_attributes: number } {
	let singleSku = 0;
	for (const text of bodies) {
		let skus: unknown;
		try {
			skus = text ? (JSON.parse(text) as { skus?: unknown }).skus : undefined;
		} catch {
			continue;
		}
		if (Array.isArray(skus) && skus.length === 1 && Array.isArray(skus[0]?.sales_attributes) && skus[0].sales_attributes.length > 0)
			singleSku++;
	}
	return { single_sku_sales_attributes: singleSku };
}

export function inspect(sql: SqlStorage, profile: SellerProfile, nowMs: number) {
	const products = allProducts(sql);
	const listings = products.map((p) => ({
		product_id: p.id,
		status: p.status,
		audit_status: p.audit_status,
		category_id: p.category_id,
		title: p.title,
		external_product_id: p.external_product_id,
		seller_skus: p.doc.skus.flatMap((s) => (s.seller_sku ? [s.seller_sku] : [])),
		idempotent_replays: p.replays,
		create_time: p.create_time,
		update_time: p.update_time,
		create_payload: p.create_body,
	}));
	const live = listings.filter((l) => l.status !== "DELETED");
	const groups = duplicateGroups(
		live.map((l) => ({ id: l.product_id, external: l.external_product_id, skuSet: [...l.seller_skus].sort().join("\u0000") })),
	);
	const perSecond = sql
		.exec<{ second: number; reads: number; writes: number; limited: number }>("SELECT * FROM seconds ORDER BY second")
		.toArray();
	const rejected = Object.fromEntries(
		sql
			.exec<{ code: number; count: number }>("SELECT * FROM rejections ORDER BY code")
			.toArray()
			.map((r) => [r.code, r.count]),
	);
	const webhooks = sql.exec<{ delivery: string; n: number }>("SELECT delivery, COUNT(*) AS n FROM outbox GROUP BY delivery").toArray();
	return {
		seller: profile,
		listings,
		duplicates: groups.length,
		duplicate_groups: groups,
		rule_breaks: ruleBreaks(listings.map((l) => l.create_payload)),
		requests: {
			reads: perSecond.reduce((n, s) => n + s.reads, 0),
			writes: perSecond.reduce((n, s) => n + s.writes, 0),
			max_reads_per_second: Math.max(0, ...perSecond.map((s) => s.reads)),
			max_writes_per_second: Math.max(0, ...perSecond.map((s) => s.writes)),
			per_second: perSecond,
		},
		rate_limited: rejected[36009002] ?? 0,
		rejected,
		quota: { ...quotaUsage(sql, nowMs), limit: profile.config.dailyListingQuota },
		faults: faultState(sql),
		webhooks: Object.fromEntries(webhooks.map((w) => [w.delivery, w.n])),
	};
}
