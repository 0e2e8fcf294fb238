/**
 * The size budget of the first page: the JavaScript the browser downloads before
 * the app can render, i.e. the entry module of dist/client/index.html and every
 * module it imports statically (modulepreload links and `import … from` in the
 * chunks), gzipped one by one. Lazy chunks (`import()`) are not counted.
 * Run after `vite build`: `npm run check:size`. Exits 1 over budget.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 40;
const root = resolve(new URL("..", import.meta.url).pathname, "dist/client");

function readOrExit(path: string): string {
	try {
		return readFileSync(path, "utf8");
	} catch {
		console.error(`${path} is missing: run \`npx vite build\` first.`);
		process.exit(2);
	}
}

const html = readOrExit(join(root, "index.html"));
const local = (src: string) => !/^(https?:)?\/\//.test(src);
/** A tag's attributes, whatever their order or quoting. */
const attributes = (tag: string) =>
	Object.fromEntries(
		[...tag.matchAll(/([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)]
			.slice(1)
			.map((m) => [m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? ""]),
	);
const entries = [
	...[...html.matchAll(/<script\b[^>]*>/gi)]
		.map((m) => attributes(m[0]))
		.filter((a) => a.type === "module" && a.src)
		.map((a) => a.src),
	...[...html.matchAll(/<link\b[^>]*>/gi)]
		.map((m) => attributes(m[0]))
		.filter((a) => a.rel === "modulepreload" && a.href)
		.map((a) => a.href),
].filter(local);
if (!entries.length) {
	console.error("No module script found in dist/client/index.html.");
	process.exit(2);
}

// Static imports only: `import x from "./a.js"`, `import "./a.js"`, `export … from "./a.js"`; never `import("./a.js")`.
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;

const seen = new Map<string, number>();
const queue = entries.map((src) => join(root, src.replace(/^\//, "")));
while (queue.length) {
	const file = queue.shift() as string;
	if (seen.has(file)) continue;
	const code = readOrExit(file);
	seen.set(file, gzipSync(code, { level: 9 }).length);
	for (const [, spec] of code.matchAll(STATIC_IMPORT))
		if (spec.startsWith(".") || spec.startsWith("/")) queue.push(spec.startsWith("/") ? join(root, spec) : resolve(dirname(file), spec));
}

const total = [...seen.values()].reduce((a, b) => a + b, 0);
for (const [file, size] of seen) console.log(`  ${file.slice(root.length + 1)}: ${(size / 1024).toFixed(1)} KB gzipped`);
const kb = total / 1024;
console.log(`first-page JS: ${kb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
	console.error(`Over budget by ${(kb - BUDGET_KB).toFixed(1)} KB: lazy-load more (see web/lib/lazy.tsx) or drop a dependency.`);
	process.exit(1);
}
