/**
 * A category as a template needs it: its path from the root, whether it is a
 * leaf, its permission statuses, its attributes and its rules. US shops use the
 * v2 (7-level) tree; other regions v1.
 */
import type { Db } from "../db/client";
import type { CategorySpec } from "../tiktok";
import type { CategoryNode, TikTokPort, PortResult } from "../tiktok";
import { cached } from "./cache";

const TREE_TTL_MS = 15 * 60_000;
const SPEC_TTL_MS = 60 * 60_000;

export const categoryVersion = (region: string | null): "v1" | "v2" => (region === "US" ? "v2" : "v1");

export function loadCategoryTree(db: Db, port: TikTokPort, shopId: string, region: string | null): Promise<PortResult<CategoryNode[]>> {
	return cached(db, shopId, `categories:${categoryVersion(region)}`, TREE_TTL_MS, () => port.categories());
}

export function pathTo(tree: CategoryNode[], id: string): CategoryNode[] {
	const byId = new Map(tree.map((n) => [n.id, n]));
	const path: CategoryNode[] = [];
	for (let node = byId.get(id); node && path.length < 10; node = byId.get(node.parentId)) path.unshift(node);
	return path;
}

/**
 * The whole spec of one category, cached as one small entry: the sync reads it
 * for every product, and re-reading the whole tree (hundreds of KB) each time
 * would cost more than the TikTok call it prepares.
 */
export async function loadCategorySpec(
	db: Db,
	port: TikTokPort,
	shopId: string,
	region: string | null,
	categoryId: string,
): Promise<PortResult<CategorySpec | null>> {
	return cached(db, shopId, `spec:${categoryVersion(region)}:${categoryId}`, SPEC_TTL_MS, () =>
		readCategorySpec(db, port, shopId, region, categoryId),
	);
}

async function readCategorySpec(
	db: Db,
	port: TikTokPort,
	shopId: string,
	region: string | null,
	categoryId: string,
): Promise<PortResult<CategorySpec | null>> {
	const tree = await loadCategoryTree(db, port, shopId, region);
	if (!tree.ok) return tree;
	const path = pathTo(tree.value, categoryId);
	const node = path.at(-1);
	if (!node || node.id !== categoryId) return { ok: true, value: null };
	const version = categoryVersion(region);
	const base = {
		id: node.id,
		version,
		path: path.map((n) => ({ id: n.id, name: n.name })),
		isLeaf: node.isLeaf,
		permissionStatuses: node.permissionStatuses,
	};
	if (!node.isLeaf) return { ok: true, value: { ...base, attributes: [], rules: {} } };
	const attributes = await port.categoryAttributes(categoryId);
	if (!attributes.ok) return attributes;
	const rules = await port.categoryRules(categoryId);
	if (!rules.ok) return rules;
	return { ok: true, value: { ...base, attributes: attributes.value, rules: rules.value } };
}
