/**
 * npm start: build the UI, apply the local D1 migrations (startStack), start the TikTok Shop
 * sandbox, the Shopify sandbox and the app (wrangler dev, loopback), install the
 * demo shop through the real install and import path, and print the URL.
 * Running it twice duplicates nothing.
 */
import { execFileSync } from "node:child_process";
import { installDemoShop } from "./lib/demo.ts";
import { ensureDevVars, startStack } from "./lib/stack.ts";

const root = new URL("..", import.meta.url).pathname;
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const run = (command: string, args: string[]) =>
	execFileSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });

ensureDevVars(console.log);
console.log("Building the UI…");
run(bin("vite"), ["build", "--logLevel", "warn"]);
console.log("Starting the TikTok Shop sandbox, the Shopify sandbox and the app…");
// Local state survives restarts (so a second start duplicates nothing), one folder per Worker.
const stack = await startStack({
	ports: { app: 8787, tiktok: 8788, shopify: 8789 },
	persistTo: `${root}.wrangler/state`,
	verbose: process.argv.includes("--verbose"),
});
const stop = async () => {
	await stack.stop();
	process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

try {
	await installDemoShop(stack.appUrl, (line) => console.log(`  ${line}`));
} catch (error) {
	console.error(`Demo install failed: ${error instanceof Error ? error.message : String(error)}`);
}
console.log(`
  App:               ${stack.appUrl}
  TikTok sandbox:    ${stack.tiktokUrl}
  Shopify sandbox:   ${stack.shopifyUrl}

Open ${stack.appUrl} in a browser. Press Ctrl+C to stop.`);
