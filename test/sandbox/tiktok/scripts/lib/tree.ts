/**
 * Builds the sandbox category tree from real data: UK English leaf names and
 * paths (real ids) placed on the real parent chain of the Indonesian tree (or the
 * Brazilian one when Indonesia lacks the id; ids are shared across regions).
 * Ancestors are named by majority vote over the UK path segments of their leaves,
 * so a leaf TikTok moved since the UK snapshot keeps its current real parent.
 * UK leaves neither tree knows hang under the node their UK path prefix names.
 * Food & Beverages comes from the Indonesian tree with translated names.
 */
import type { FixtureCategory, Fixtures } from "./fixtures.ts";
import { FOOD_NAMES, FOOD_ROOT_ID } from "./food-names.ts";

export type TreeNode = { id: string; parent_id: string; local_name: string };

const TEST_CATEGORY = /PPE|Test Category|Manual Test|Auto Test|Tes Manual|Tes Otomatis|Catrgory/i;

export function isTestCategoryName(name: string): boolean {
	return TEST_CATEGORY.test(name);
}

function indexById(rows: FixtureCategory[]): Map<string, FixtureCategory> {
	return new Map(rows.map((row) => [row.id, row]));
}

/** Root-first chain of ids ending at `id`, or null when the tree does not reach the root. */
function chainOf(tree: Map<string, FixtureCategory>, id: string): string[] | null {
	const chain: string[] = [];
	let current: string | undefined = id;
	while (current && current !== "0") {
		const row = tree.get(current);
		if (!row) return null;
		chain.unshift(current);
		current = row.parent_id;
	}
	return chain;
}

export function buildTree(fixtures: Fixtures): TreeNode[] {
	const indonesia = indexById(fixtures.indonesia);
	const brazil = indexById(fixtures.brazil);
	const votes = new Map<string, Map<string, number>>();
	const parentOf = new Map<string, string>();
	const leafName = new Map<string, string>();
	const unplaced: { id: string; segments: string[] }[] = [];

	const vote = (id: string, name: string) => {
		const counts = votes.get(id) ?? new Map<string, number>();
		counts.set(name, (counts.get(name) ?? 0) + 1);
		votes.set(id, counts);
	};

	for (const leaf of fixtures.ukLeaves) {
		const segments = leaf.category_path.split(">").map((s) => s.trim());
		if (segments.some(isTestCategoryName)) continue;
		const source = indonesia.has(leaf.id) ? indonesia : brazil.has(leaf.id) ? brazil : null;
		const chain = source ? chainOf(source, leaf.id) : null;
		if (!chain || chain.length !== segments.length) {
			unplaced.push({ id: leaf.id, segments });
			continue;
		}
		chain.forEach((id, i) => {
			parentOf.set(id, i === 0 ? "0" : chain[i - 1]);
			if (i < chain.length - 1) vote(id, segments[i]);
		});
		leafName.set(leaf.id, segments[segments.length - 1]);
	}

	const nameOf = (id: string): string => {
		const leaf = leafName.get(id);
		if (leaf) return leaf;
		const counts = [...(votes.get(id) ?? new Map<string, number>()).entries()];
		counts.sort((a, b) => b[1] - a[1]);
		return counts[0][0];
	};

	// Place leaves the real trees do not know under the node their UK path prefix names.
	const pathToId = new Map<string, string>();
	const pathOf = (id: string): string => {
		const parent = parentOf.get(id) ?? "0";
		return parent === "0" ? nameOf(id) : `${pathOf(parent)}>${nameOf(id)}`;
	};
	for (const id of parentOf.keys()) if (!leafName.has(id)) pathToId.set(pathOf(id), id);
	for (const leaf of unplaced) {
		const parent = pathToId.get(leaf.segments.slice(0, -1).join(">"));
		if (!parent || parentOf.has(leaf.id)) continue;
		parentOf.set(leaf.id, parent);
		leafName.set(leaf.id, leaf.segments[leaf.segments.length - 1]);
	}

	// Food & Beverages: real Indonesian structure, translated names.
	for (const row of fixtures.indonesia) {
		const chain = chainOf(indonesia, row.id);
		if (!chain || chain[0] !== FOOD_ROOT_ID || !chain.every((id) => FOOD_NAMES[id])) continue;
		for (const [i, id] of chain.entries()) parentOf.set(id, i === 0 ? "0" : chain[i - 1]);
	}

	const nodes: TreeNode[] = [];
	for (const [id, parent_id] of parentOf) {
		nodes.push({ id, parent_id, local_name: FOOD_NAMES[id] ?? nameOf(id) });
	}
	nodes.sort((a, b) => Number(a.id) - Number(b.id));
	return nodes;
}
