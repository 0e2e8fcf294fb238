/**
 * npm test: the type-check and `vitest run` at the same time, failing if either
 * fails. The type-check keeps one core busy for about half a minute while the
 * test run mostly waits on its sandboxes and queues, so running them one after
 * the other only added the type-check's time to every run. Arguments go to
 * vitest (`npm test -- test/foo.test.ts`). The type-check's output is held and
 * printed after the test run's, so neither is interleaved with the other.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

type Outcome = { code: number; output: string };

function run(command: string, args: string[], capture: boolean): Promise<Outcome> {
	return new Promise((resolve) => {
		// A bare `npm` needs a shell to be found on Windows (npm.cmd); node itself does not.
		const child = spawn(command, args, { cwd: root, stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit", shell: command === "npm" });
		let output = "";
		child.stdout?.on("data", (chunk) => (output += chunk));
		child.stderr?.on("data", (chunk) => (output += chunk));
		child.on("error", (error) => resolve({ code: 1, output: `${output}${String(error)}\n` }));
		child.on("close", (code) => resolve({ code: code ?? 1, output }));
	});
}

// `npm run typecheck` keeps package.json the one place that says what the type-check is; under npm,
// npm_execpath is npm's own CLI, which node runs on any platform.
const npm = process.env.npm_execpath;
const typecheck = npm
	? run(process.execPath, [npm, "run", "--silent", "typecheck"], true)
	: run("npm", ["run", "--silent", "typecheck"], true);
const tests = run(process.execPath, [`${root}node_modules/vitest/vitest.mjs`, "run", ...process.argv.slice(2)], false);

const [checked, tested] = await Promise.all([typecheck, tests]);
if (checked.code !== 0) process.stdout.write(`\nType-check failed:\n${checked.output}`);
else console.log("Type-check passed.");
process.exit(checked.code !== 0 || tested.code !== 0 ? 1 : 0);
