/**
 * Derives the TikTok Shop sandbox's catalogue data (categories, per-leaf
 * attributes and rules) from the public fixtures and writes it as compact JSON
 * into ../data, which the sandbox Worker imports. Re-run after changing any file
 * under scripts/lib; the output is deterministic.
 *
 *   npx node test/sandbox/tiktok/scripts/build-catalog.ts [fixtures dir]
 *
 * The fixtures dir defaults to /work/shared/fixtures/tiktok (see SOURCES.md there).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildAttributeDefs } from "./lib/attribute-defs.ts";
import { deepen } from "./lib/deeper.ts";
import { loadFixtures } from "./lib/fixtures.ts";
import { permissionsFor } from "./lib/permissions.ts";
import { attributesFor } from "./lib/profiles.ts";
import { collectCertifications, rulesFor } from "./lib/rules.ts";
import { buildTree } from "./lib/tree.ts";

const fixturesDir = process.argv[2] ?? "/work/shared/fixtures/tiktok";
const outDir = path.join(import.meta.dirname, "..", "data");
const fixtures = loadFixtures(fixturesDir);

const nodes = buildTree(fixtures);
const rulesSource = deepen(nodes);
const permissions = permissionsFor(nodes, fixtures.brazil);
const byId = new Map(nodes.map((n) => [n.id, n]));
const childIds = new Map<string, string[]>();
for (const n of nodes) childIds.set(n.parent_id, [...(childIds.get(n.parent_id) ?? []), n.id]);
const isLeaf = (id: string) => !childIds.has(id);
const pathOf = (id: string): string[] => {
	const node = byId.get(id)!;
	return node.parent_id === "0" ? [node.local_name] : [...pathOf(node.parent_id), node.local_name];
};

const categories = nodes.map((n) => ({
	id: n.id,
	parent_id: n.parent_id,
	local_name: n.local_name,
	is_leaf: isLeaf(n.id),
	permission_statuses: permissions.get(n.id) ?? ["AVAILABLE"],
}));

const attributeDefs = buildAttributeDefs(fixtures.legacyAttributes);
const certifications = collectCertifications(fixtures);
const battery = attributeDefs.has_battery;
const batteryCondition = {
	condition_type: "VALUE_ID_MATCH" as const,
	attribute_id: battery.id,
	attribute_value_id: battery.values.find((v) => v.name === "Batteries")!.id,
};

/** Identical per-leaf lists are stored once and referenced by index. */
function dedupe<T>() {
	const sets: T[] = [];
	const index = new Map<string, number>();
	return {
		sets,
		add(value: T): number {
			const key = JSON.stringify(value);
			let i = index.get(key);
			if (i === undefined) {
				i = sets.length;
				sets.push(value);
				index.set(key, i);
			}
			return i;
		},
	};
}

const attributeSets = dedupe<[string, 0 | 1][]>();
const ruleSets = dedupe<ReturnType<typeof rulesFor>>();
const leafAttributes: Record<string, number> = {};
const leafRules: Record<string, number> = {};
for (const c of categories) {
	if (!c.is_leaf) continue;
	const leafPath = pathOf(c.id);
	const attributes = attributesFor(c.id, leafPath);
	leafAttributes[c.id] = attributeSets.add(attributes.map(([key, required]) => [key, required ? 1 : 0]));
	const rules = rulesFor(c.id, fixtures, {
		path: leafPath,
		siblings: [rulesSource.get(c.id), ...(childIds.get(c.parent_id) ?? [])].filter((id): id is string => Boolean(id)),
		hasBatteryAttribute: attributes.some(([key]) => key === "has_battery"),
		batteryCondition,
	});
	leafRules[c.id] = ruleSets.add(rules);
}

const usedCertIds = new Set(ruleSets.sets.flatMap((r) => r.certifications.map((c) => c.id)));

// Invariants the sandbox and its tests rely on.
const leaves = categories.filter((c) => c.is_leaf);
const roots = categories.filter((c) => c.parent_id === "0");
const check = (ok: boolean, message: string) => {
	if (!ok) throw new Error(`catalogue invariant failed: ${message}`);
};
check(categories.length >= 300 && leaves.length >= 150 && roots.length >= 15, "tree size");
check(
	categories.every((c) => c.parent_id === "0" || byId.has(c.parent_id)),
	"every parent resolves",
);
check(!categories.some((c) => /Test/i.test(c.local_name) && /PPE|Category L\d|Manual/.test(c.local_name)), "no test categories");
for (const status of ["INVITE_ONLY", "NON_MAIN_CATEGORY", "PROHIBITED"]) {
	check(
		categories.some((c) => c.permission_statuses.includes(status)),
		`some category is ${status}`,
	);
}

mkdirSync(outDir, { recursive: true });
const write = (file: string, value: unknown) => {
	const text = JSON.stringify(value);
	writeFileSync(path.join(outDir, file), `${text}\n`);
	return `${file} ${(text.length / 1024).toFixed(0)} KB`;
};
const sizes = [
	write("categories.json", { categories }),
	write("attributes.json", { attributes: attributeDefs, sets: attributeSets.sets, leaves: leafAttributes }),
	write("rules.json", {
		certifications: Object.fromEntries([...certifications].filter(([id]) => usedCertIds.has(id))),
		sets: ruleSets.sets,
		leaves: leafRules,
	}),
];
console.log(`${categories.length} categories, ${leaves.length} leaves, ${roots.length} top-level`);
console.log(`${attributeSets.sets.length} attribute sets, ${ruleSets.sets.length} rule sets`);
console.log(sizes.join("; "));
