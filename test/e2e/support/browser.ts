/**
 * Headless Chromium through playwright-core, and the few helpers the workflow
 * needs: bounded polling, filling a category's required attributes the way a
 * merchant would (first value of each), and a real PNG to upload.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sparticuz from "@sparticuz/chromium";
import { type Browser, chromium, type Page } from "playwright-core";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Debian's Chromium when it is installed (and E2E_PACKAGED_CHROMIUM is not set),
 * otherwise the one shipped in the @sparticuz/chromium devDependency, so a fresh
 * machine needs nothing beyond `npm install`.
 */
export async function launch(): Promise<Browser> {
	if (!process.env.E2E_PACKAGED_CHROMIUM && existsSync(DEBIAN_CHROMIUM)) {
		return chromium.launch({
			executablePath: DEBIAN_CHROMIUM,
			args: [
				"--no-sandbox",
				"--disable-gpu",
				"--no-first-run",
				"--disable-background-networking",
				"--disable-component-update",
				"--disable-sync",
			],
		});
	}
	// Unpacks once to the temp directory (chromium, its fonts, swiftshader) and reuses it afterwards.
	const executablePath = await sparticuz.executablePath();
	return chromium.launch({
		executablePath,
		// Playwright adds `--headless` itself (headless is its default); the package's `--headless='shell'`
		// would override it with a quoted value Chromium does not know, and the binary is headless-only anyway.
		args: sparticuz.args.filter((arg) => !arg.startsWith("--headless")),
		// The package's own fonts (Open Sans), so pages render text without any system fonts installed.
		env: { ...process.env, FONTCONFIG_PATH: join(tmpdir(), "fonts") },
	});
}

/** Calls `check` until it returns a value other than undefined/false, every `intervalMs`, at most `timeoutMs`. */
export async function poll<T>(
	what: string,
	check: () => Promise<T | undefined | false>,
	options: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			last = error;
		}
		await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
	}
	throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`);
}

/** Gives every required attribute in `scope` its first value; repeats because a choice can make another one required. */
export async function fillRequiredAttributes(page: Page, scope: string): Promise<number> {
	let filled = 0;
	for (let round = 0; round < 8; round++) {
		let changed = false;
		for (const select of await page.locator(`${scope} select[aria-required="true"]:not(.source):not([disabled])`).all()) {
			if ((await select.inputValue()) !== "") continue;
			const values = await select
				.locator("option")
				.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v && v !== "__custom__"));
			await select.selectOption(values[0]);
			changed = true;
		}
		for (const group of await page.locator(`${scope} fieldset.multi:has(legend .required)`).all()) {
			if ((await group.locator("input[type=checkbox]:checked").count()) > 0) continue;
			await group.locator("input[type=checkbox]").first().check();
			changed = true;
		}
		for (const input of await page.locator(`${scope} input[type=text][aria-required="true"]:not([disabled])`).all()) {
			if (await input.inputValue()) continue;
			await input.fill("1");
			changed = true;
		}
		if (!changed) return filled;
		filled++;
	}
	return filled;
}

/** A real RGB PNG (IHDR, one zlib IDAT, IEND, CRC-32 per chunk) of one colour. */
export function png(width: number, height: number): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
		const out = Buffer.alloc(8 + data.length + 4);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xc8)]);
	const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk("IHDR", header),
		chunk("IDAT", pixels),
		chunk("IEND", Buffer.alloc(0)),
	]);
}
