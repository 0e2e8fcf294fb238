/**
 * Deployability of the Worker: bundles it exactly as `wrangler deploy` would
 * (`wrangler deploy --dry-run --outdir <tmp>`, nothing uploaded) and checks the
 * bundle's gzipped size against Cloudflare's Worker size limit: 3 MiB on Workers
 * Free, 10 MiB on Workers Paid, measured after compression; source maps do not
 * count. `npm run check:deploy [-- --plan paid]`; exits 1 over the plan's limit.
 * The static assets are not part of the Worker's size (they have their own
 * per-file limit), so an empty directory stands in for dist/client: the check
 * needs no UI build.
 * @see https://developers.cloudflare.com/workers/platform/limits/#worker-size
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const MIB = 1024 * 1024;
const LIMITS = { free: 3 * MIB, paid: 10 * MIB } as const;
const plan: keyof typeof LIMITS =
	process.argv.includes("--plan") && process.argv[process.argv.indexOf("--plan") + 1] === "paid" ? "paid" : "free";
const root = resolve(new URL("..", import.meta.url).pathname);
const work = mkdtempSync(join(tmpdir(), "check-deploy-"));
const outdir = join(work, "out");
const assets = join(work, "assets");

function bundle(): string {
	try {
		return execFileSync(
			process.execPath,
			[join(root, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir, "--assets", assets],
			{
				cwd: root,
				encoding: "utf8",
				stdio: ["ignore", "pipe", "pipe"],
				env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
			},
		);
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string };
		console.error(`wrangler deploy --dry-run failed:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
		process.exit(2);
	}
}

try {
	mkdirSync(assets);
	const output = bundle();
	const modules = readdirSync(outdir).filter((name) => /\.(m?js|wasm|cjs)$/.test(name));
	let raw = 0;
	let gzipped = 0;
	for (const name of modules) {
		const bytes = readFileSync(join(outdir, name));
		raw += bytes.length;
		gzipped += gzipSync(bytes).length;
		console.log(`  ${name}: ${(bytes.length / 1024).toFixed(1)} KiB, ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped`);
	}
	const wranglerLine = output.match(/Total Upload:[^\n]*/)?.[0];
	if (wranglerLine) console.log(`  wrangler: ${wranglerLine.trim()}`);
	const limit = LIMITS[plan];
	console.log(
		`worker bundle: ${(raw / 1024).toFixed(1)} KiB, ${(gzipped / MIB).toFixed(2)} MiB gzipped (limit ${limit / MIB} MiB on Workers ${plan === "free" ? "Free" : "Paid"}; ${LIMITS.paid / MIB} MiB on Paid)`,
	);
	if (!modules.length) {
		console.error("wrangler wrote no module to measure.");
		process.exitCode = 2;
	} else if (gzipped > limit) {
		console.error(
			`Over the Workers ${plan} size limit by ${((gzipped - limit) / 1024).toFixed(1)} KiB: drop a dependency or move data to D1/KV/R2.`,
		);
		process.exitCode = 1;
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
