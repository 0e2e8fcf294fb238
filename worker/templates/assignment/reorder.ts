/**
 * Sets the priority order of a shop's templates in one `db.batch` (a single
 * D1 transaction: all priorities change or none). The listed templates take
 * priorities 1..n in the given order; non-default templates left out keep
 * their relative order after them. Ids that are not this shop's non-default
 * templates are refused before anything is written.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { templates } from "../../db/schema";
import { byPriority } from "./effective";

export type ReorderResult =
	| { ok: true; order: string[] }
	| { ok: false; reason: "unknown_templates" | "duplicate_ids" | "default_template"; ids: string[] };

export async function reorderPriorities(
	db: Db,
	shopId: string,
	orderedTemplateIds: readonly string[],
	now = Date.now(),
): Promise<ReorderResult> {
	const rows = await db
		.select({ id: templates.id, priority: templates.priority, isDefault: templates.isDefault })
		.from(templates)
		.where(eq(templates.shopId, shopId));
	const byId = new Map(rows.map((row) => [row.id, row]));
	const unknown = orderedTemplateIds.filter((id) => !byId.has(id));
	if (unknown.length) return { ok: false, reason: "unknown_templates", ids: unknown };
	const duplicates = orderedTemplateIds.filter((id, i) => orderedTemplateIds.indexOf(id) !== i);
	if (duplicates.length) return { ok: false, reason: "duplicate_ids", ids: [...new Set(duplicates)] };
	const defaults = orderedTemplateIds.filter((id) => byId.get(id)?.isDefault);
	if (defaults.length) return { ok: false, reason: "default_template", ids: defaults };

	const listed = new Set(orderedTemplateIds);
	const rest = rows
		.filter((row) => !row.isDefault && !listed.has(row.id))
		.sort(byPriority)
		.map((row) => row.id);
	const order = [...orderedTemplateIds, ...rest];
	if (order.length === 0) return { ok: true, order };
	const updates = order.map((id, i) =>
		db
			.update(templates)
			.set({ priority: i + 1, updatedAt: now })
			.where(and(eq(templates.shopId, shopId), eq(templates.id, id))),
	);
	await db.batch(updates as [(typeof updates)[number], ...typeof updates]);
	return { ok: true, order };
}
