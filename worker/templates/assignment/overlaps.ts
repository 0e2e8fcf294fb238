/**
 * Overlap report: for every pair of non-default templates, active or not,
 * whose rule sets select common products, how many, a sample, and which one
 * takes them now (ownership order: an active template before an inactive one,
 * else the higher priority). Counts are of the two rule sets alone: a third
 * template before both may still claim some of those products first.
 *
 * One scan computes, per product, a key of one '0'/'1' per template
 * (`(rules1) || (rules2) || ...`) and groups by it, so the pair counts come
 * from a handful of groups instead of one scan per pair; the samples are one
 * small query per overlapping pair, all in one `db.batch`. The key statement
 * composes every template's rules through one Binder (rules/budget.ts).
 */
import { and, asc, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { products } from "../../db/schema";
import { fitsStatement, paramBudget } from "../rules/budget";
import { compileRuleSet } from "../rules/sql";
import { ownershipOrder } from "./effective";
import { loadTemplatesWithRules } from "./load";
import { liveProducts } from "./scope";
import type { TemplateWithRules } from "./types";

export type Overlap = {
	/** The template that takes the common products now (see ownershipOrder). */
	winnerId: string;
	loserId: string;
	common: number;
	sample: { id: string; title: string }[];
};

export type OverlapReport = { ok: true; overlaps: Overlap[] } | { ok: false; reason: "statement_too_long"; bytes: number; params: number };

type Pair = { i: number; j: number; winner: TemplateWithRules; loser: TemplateWithRules; common: number };

/** Pair counts from the per-key histogram (key[i] === "1": template i matched), in priority order. */
function pairCounts(order: TemplateWithRules[], groups: { key: string; n: number }[]): Pair[] {
	const pairs = new Map<string, Pair>();
	for (const { key, n } of groups) {
		const hits = [...key].flatMap((bit, i) => (bit === "1" ? [i] : []));
		for (const [a, i] of hits.entries()) {
			for (const j of hits.slice(a + 1)) {
				const id = `${i}:${j}`;
				const pair = pairs.get(id) ?? { i, j, winner: order[i], loser: order[j], common: 0 };
				pair.common += n;
				pairs.set(id, pair);
			}
		}
	}
	return [...pairs.values()].sort((a, b) => a.i - b.i || a.j - b.j);
}

export async function overlaps(db: Db, shopId: string, options: { sampleSize?: number } = {}): Promise<OverlapReport> {
	const sampleSize = options.sampleSize ?? 5;
	const order = ownershipOrder(await loadTemplatesWithRules(db, shopId)).filter((t) => t.ruleSet.rules.length > 0);
	if (order.length < 2) return { ok: true, overlaps: [] };
	const bind = paramBudget();
	const key = sql.join(
		order.map((t) => compileRuleSet(t.ruleSet, bind)),
		sql.raw(" || "),
	);
	const fits = fitsStatement(key);
	if (!fits.ok) return { ok: false, reason: "statement_too_long", bytes: fits.bytes, params: fits.params };

	const groups = await db
		.select({ key: sql<string>`${key}`.as("match_key"), n: sql<number>`count(*)` })
		.from(products)
		.where(liveProducts(shopId))
		.groupBy(sql`match_key`)
		.having(sql`length(replace(match_key, '0', '')) >= 2`);
	const pairs = pairCounts(order, groups);
	if (pairs.length === 0) return { ok: true, overlaps: [] };

	const samples = pairs.map((pair) =>
		db
			.select({ id: products.id, title: products.title })
			.from(products)
			.where(and(liveProducts(shopId), compileRuleSet(pair.winner.ruleSet), compileRuleSet(pair.loser.ruleSet)))
			.orderBy(asc(products.searchTitle), asc(products.id))
			.limit(sampleSize),
	);
	const sampled = await db.batch(samples as [(typeof samples)[number], ...typeof samples]);
	return {
		ok: true,
		overlaps: pairs.map((pair, i) => ({ winnerId: pair.winner.id, loserId: pair.loser.id, common: pair.common, sample: sampled[i] })),
	};
}
