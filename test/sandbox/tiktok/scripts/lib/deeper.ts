/**
 * The US "v2" tree has up to 7 levels, while every public tree in the fixtures
 * has 3. So that clients are exercised on deep paths, three real leaves get a
 * generated subtree (names modelled on TikTok's deeper v2 branches, ids from a
 * hash of the path in a range no real id uses). The real leaf becomes a parent;
 * its new leaves take their rules from it.
 */
import { IdAllocator } from "./ids.ts";
import type { TreeNode } from "./tree.ts";

type Branch = { [name: string]: Branch };

const DEEPER: Record<string, Branch> = {
	// Phones & Electronics > Phones & Tablets > Mobile Phones (levels 4-5)
	"602097": { Smartphones: { "Android Phones": {}, "iOS Phones": {} }, "Feature Phones": {}, "Rugged Phones": {} },
	// Phones & Electronics > Cameras & Photography > Security Cameras & Systems (levels 4-6)
	"911752": {
		"Indoor Cameras": {},
		"Outdoor Cameras": {
			"Wired Outdoor Cameras": {},
			"Wireless Outdoor Cameras": { "Solar Wireless Cameras": {}, "Battery Wireless Cameras": {} },
		},
		"Camera Systems": {},
	},
	// Phones & Electronics > Cameras & Photography > Drones & Accessories (levels 4-7)
	"912008": {
		Drones: {
			"Camera Drones": { "Folding Camera Drones": { "Mini Folding Drones": {}, "Full-size Folding Drones": {} }, "FPV Drones": {} },
			"Toy Drones": {},
		},
		"Drone Accessories": {},
	},
};

/** Adds the generated subtrees; returns generated leaf id → the real leaf its rules come from. */
export function deepen(nodes: TreeNode[]): Map<string, string> {
	const ids = new IdAllocator(7000000, 1000000);
	for (const n of nodes) ids.reserve(n.id);
	const rulesSource = new Map<string, string>();
	const add = (parentId: string, branch: Branch, realLeaf: string, prefix: string) => {
		for (const [name, children] of Object.entries(branch)) {
			const id = ids.idFor(`${prefix}>${name}`);
			nodes.push({ id, parent_id: parentId, local_name: name });
			if (Object.keys(children).length === 0) rulesSource.set(id, realLeaf);
			else add(id, children, realLeaf, `${prefix}>${name}`);
		}
	};
	for (const [leafId, branch] of Object.entries(DEEPER)) {
		if (nodes.some((n) => n.id === leafId)) add(leafId, branch, leafId, leafId);
	}
	nodes.sort((a, b) => Number(a.id) - Number(b.id));
	return rulesSource;
}
