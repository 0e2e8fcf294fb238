/**
 * permission_statuses per category. INVITE_ONLY comes from the Brazilian tree
 * wherever the id exists there (Food & Beverages, Kids' Fashion, Jewellery, parts
 * of Pet Supplies and Toys); a node Brazil lacks inherits INVITE_ONLY from its
 * parent. NON_MAIN_CATEGORY and PROHIBITED depend on the seller in reality; the
 * sandbox pins them to a few fixed subtrees and leaves (chosen by English name)
 * so every status occurs and stays deterministic.
 */
import type { FixtureCategory } from "./fixtures.ts";
import type { TreeNode } from "./tree.ts";

/** Whole subtrees outside the sandbox sellers' main category, by root-first path. */
const NON_MAIN_SUBTREES = ["Automotive & Motorcycle", "Collections", "Jewellery Accessories & Derivatives>Amber"];
/** Leaves that are prohibited (fail at create with 12052220). */
const PROHIBITED_LEAVES = ["Blasters & Toy Guns", "Nunchucks", "Tattoo Machines & Kits", "Family Planning Tests"];

export function permissionsFor(nodes: TreeNode[], brazil: FixtureCategory[]): Map<string, string[]> {
	const brazilStatus = new Map(brazil.map((row) => [row.id, row.permission_statuses]));
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const children = new Map<string, TreeNode[]>();
	for (const n of nodes) children.set(n.parent_id, [...(children.get(n.parent_id) ?? []), n]);
	const result = new Map<string, string[]>();

	const pathOf = (id: string): string => {
		const node = byId.get(id)!;
		return node.parent_id === "0" ? node.local_name : `${pathOf(node.parent_id)}>${node.local_name}`;
	};

	const visit = (node: TreeNode, parentInviteOnly: boolean, parentNonMain: boolean) => {
		const fromBrazil = brazilStatus.get(node.id);
		const inviteOnly = fromBrazil ? fromBrazil.includes("INVITE_ONLY") : parentInviteOnly;
		const nonMain = parentNonMain || NON_MAIN_SUBTREES.includes(pathOf(node.id));
		const isLeaf = !children.has(node.id);
		const statuses: string[] = [];
		if (isLeaf && PROHIBITED_LEAVES.includes(node.local_name)) statuses.push("PROHIBITED");
		else {
			if (inviteOnly) statuses.push("INVITE_ONLY");
			if (nonMain) statuses.push("NON_MAIN_CATEGORY");
			if (statuses.length === 0) statuses.push("AVAILABLE");
		}
		result.set(node.id, statuses);
		for (const child of children.get(node.id) ?? []) visit(child, inviteOnly, nonMain);
	};
	for (const root of children.get("0") ?? []) visit(root, false, false);
	return result;
}
