/**
 * The local stack: the TikTok Shop sandbox, the Shopify sandbox and the app,
 * each a `wrangler dev` process on loopback. Used by `npm start`, the browser
 * test and the benchmarks, so all three run the same Workers the same way.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

export type StackPorts = { app: number; tiktok: number; shopify: number };
export type StackOptions = {
	ports: StackPorts;
	/** Directory for local D1/DO state; a fresh temp dir gives a clean stack. */
	persistTo?: string;
	/** Extra vars for the app Worker (e.g. test knobs). */
	appVars?: Record<string, string>;
	/** Print the Workers' logs (npm start does; tests do not). */
	verbose?: boolean;
};
export type Stack = { appUrl: string; tiktokUrl: string; shopifyUrl: string; stop(): Promise<void> };

const root = new URL("../..", import.meta.url).pathname;
const wranglerBin = `${root}node_modules/wrangler/bin/wrangler.js`;

function wranglerDev(name: string, args: string[], verbose: boolean): ChildProcess {
	const child = spawn(
		process.execPath,
		[wranglerBin, "dev", ...args, "--ip", "127.0.0.1", "--show-interactive-dev-session=false", "--log-level", verbose ? "info" : "warn"],
		{
			cwd: root,
			env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: process.env.CI ?? "1" },
			stdio: ["ignore", "pipe", "pipe"],
		},
	);
	const prefix = `[${name}] `;
	const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
		if (verbose) stream.write(chunk.toString().replace(/^(?=.)/gm, prefix));
	};
	child.stdout?.on("data", forward(process.stdout));
	child.stderr?.on("data", (chunk: Buffer) => {
		if (verbose || /error/i.test(chunk.toString())) process.stderr.write(chunk.toString().replace(/^(?=.)/gm, prefix));
	});
	return child;
}

/** Polls until the URL answers (any HTTP status), with a bounded number of tries. */
export async function waitForHttp(url: string, child: ChildProcess, tries = 240): Promise<void> {
	for (let i = 0; i < tries; i++) {
		if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
		try {
			await fetch(url, { signal: AbortSignal.timeout(1000) });
			return;
		} catch {
			await sleep(500);
		}
	}
	throw new Error(`${url} did not answer within ${tries / 2} s`);
}

/** Applies the app's D1 migrations to its local state (wrangler records them; re-running applies nothing). */
export function applyMigrations(persistTo: string | undefined): void {
	const args = [wranglerBin, "d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", `${persistTo}/app`] : [])];
	execFileSync(process.execPath, args, {
		cwd: root,
		stdio: ["ignore", "ignore", "inherit"],
		env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" },
		timeout: 120_000,
	});
}

/** Local secrets: .dev.vars from .dev.vars.example (values only the sandboxes accept) on a fresh clone. */
export function ensureDevVars(log: (line: string) => void = () => {}): void {
	if (existsSync(`${root}.dev.vars`)) return;
	copyFileSync(`${root}.dev.vars.example`, `${root}.dev.vars`);
	log("Created .dev.vars from .dev.vars.example (local secrets the sandboxes accept).");
}

export async function startStack(options: StackOptions): Promise<Stack> {
	ensureDevVars(options.verbose ? console.log : undefined);
	const { ports, verbose = false } = options;
	// One state folder per Worker: three wrangler processes sharing one folder race on its SQLite files.
	const persist = (worker: string) => (options.persistTo ? ["--persist-to", `${options.persistTo}/${worker}`] : []);
	const tiktokUrl = `http://127.0.0.1:${ports.tiktok}`;
	const shopifyUrl = `http://127.0.0.1:${ports.shopify}`;
	const appUrl = `http://127.0.0.1:${ports.app}`;
	applyMigrations(options.persistTo);
	const children: ChildProcess[] = [];
	const stop = async () => {
		for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
		await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null)));
	};
	try {
		const tiktok = wranglerDev(
			"tiktok",
			[
				"-c",
				"test/sandbox/tiktok/wrangler.toml",
				"--port",
				String(ports.tiktok),
				"--inspector-port",
				String(ports.tiktok + 10000),
				...persist("tiktok"),
			],
			verbose,
		);
		children.push(tiktok);
		const shopify = wranglerDev(
			"shopify",
			[
				"-c",
				"test/sandbox/shopify/wrangler.toml",
				"--port",
				String(ports.shopify),
				"--inspector-port",
				String(ports.shopify + 10000),
				...persist("shopify"),
			],
			verbose,
		);
		children.push(shopify);
		const vars = {
			TIKTOK_API_BASE: tiktokUrl,
			TIKTOK_AUTH_BASE: tiktokUrl,
			SHOPIFY_ADMIN_BASE: `${shopifyUrl}/store/{shop}`,
			APP_URL: appUrl,
			DEV_SESSION_ENABLED: "true",
			...options.appVars,
		};
		const varArgs = Object.entries(vars).flatMap(([key, value]) => ["--var", `${key}:${value}`]);
		const app = wranglerDev(
			"app",
			["-c", "wrangler.toml", "--port", String(ports.app), "--inspector-port", String(ports.app + 10000), ...varArgs, ...persist("app")],
			verbose,
		);
		children.push(app);
		await Promise.all([
			waitForHttp(`${tiktokUrl}/`, tiktok),
			waitForHttp(`${shopifyUrl}/`, shopify),
			waitForHttp(`${appUrl}/api/health`, app),
		]);
		return { appUrl, tiktokUrl, shopifyUrl, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
