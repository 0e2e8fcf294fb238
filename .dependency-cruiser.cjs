/**
 * Dependency rules for worker/ and web/ (`npm run check:deps`, first step of `npm test`).
 *
 * - Feature folders (FEATURES) use one another only through their public face,
 *   `worker/<feature>/index.ts`; inside a folder, files import each other by path.
 *   Kernel folders (db, http, auth, crypto) and the composition root (worker/*.ts,
 *   worker/routes/) are not features: anything may import the kernel, and the
 *   composition root mounts routes and jobs from any folder.
 * - No import cycles, between files (type-only imports included) or between folders.
 * - web/ imports from worker/ only types, and values only from the pure modules
 *   in PURE, which import nothing but each other (and zod).
 * @see https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
 */
const FEATURES = [
	"catalog",
	"categories",
	"jobs",
	"listing",
	"pacing",
	"products",
	"queue",
	"shopify",
	"shops",
	"sync",
	"templates",
	"tiktok",
	"uploads",
];
const KERNEL = ["db", "http", "auth", "crypto"];

/** Pure modules shared with the UI (no Worker globals, no D1): web/ may import their values. */
const PURE = [
	"^worker/http/errors\\.ts$",
	"^worker/tiktok/category-spec\\.ts$",
	"^worker/listing/problems\\.ts$",
	"^worker/listing/requirements\\.ts$",
	"^worker/products/badge\\.ts$",
	"^worker/sync/run-progress\\.ts$",
	"^worker/templates/readiness-report\\.ts$",
	"^worker/templates/rules/vocabulary\\.ts$",
	"^worker/templates/schema\\.ts$",
	"^worker/templates/shipping/[^/]+\\.ts$",
	"^worker/templates/attributes/[^/]+\\.ts$",
];

const feature = `(${FEATURES.join("|")})`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: "no-circular",
			severity: "error",
			comment: "Files must not import each other in a cycle, type-only imports included.",
			from: {},
			to: { circular: true },
		},
		{
			name: "no-circular-features",
			severity: "error",
			comment: "Feature folders must not depend on each other in a cycle.",
			scope: "folder",
			from: { path: `^worker/${feature}$` },
			to: { path: `^worker/${feature}$`, circular: true },
		},
		{
			name: "feature-through-face",
			severity: "error",
			comment:
				"A feature uses another feature only through its face, worker/<feature>/index.ts. Pure modules shared with web/ import each other by path instead (a face would drag Worker code into the UI's type check).",
			from: { path: "^worker/([^/]+)/", pathNot: [...PURE, "^worker/routes/"] },
			to: { path: `^worker/(?!$1/)${feature}/`, pathNot: "^worker/[^/]+/index\\.ts$" },
		},
		{
			name: "kernel-imports-no-feature",
			severity: "error",
			comment: "db, http, auth and crypto sit under every feature.",
			from: { path: `^worker/(${KERNEL.join("|")})/` },
			to: { path: `^worker/${feature}/` },
		},
		{
			name: "web-imports-types-or-pure",
			severity: "error",
			comment: "The UI bundle takes from worker/ only types, and values from the pure shared modules.",
			from: { path: "^web/" },
			to: { path: "^worker/", pathNot: PURE, dependencyTypesNot: ["type-only"] },
		},
		{
			name: "pure-stays-pure",
			severity: "error",
			comment: "A pure shared module imports only other pure modules (the UI bundles it).",
			from: { path: PURE },
			to: { path: "^worker/", pathNot: PURE },
		},
	],
	options: {
		doNotFollow: { path: "node_modules" },
		includeOnly: ["^worker/", "^web/"],
		tsPreCompilationDeps: true,
		tsConfig: { fileName: "tsconfig.json" },
		reporterOptions: { text: { highlightFocused: true } },
	},
};
