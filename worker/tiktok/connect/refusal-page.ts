/**
 * The start and callback routes are top-level browser navigations, not API calls: a refusal there
 * is a small HTML page (with the same code and request id the JSON envelope would carry) and a
 * way back to Settings, instead of raw JSON in the merchant's window.
 */
import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../app-env";
import { config } from "../../config";
import { type ErrorCode, errorStatus } from "../../http/errors";

type RefusalCode = Extract<ErrorCode, "BAD_REQUEST" | "FORBIDDEN" | "CONFLICT">;

export function refusalPage(c: Context<AppEnv>, code: RefusalCode, message: string) {
	const settings = `${config(c.env).APP_URL.replace(/\/+$/, "")}/#/settings`;
	const page = html`<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<title>TikTok Shop was not connected</title>
	</head>
	<body>
		<main>
			<h1>TikTok Shop was not connected</h1>
			<p id="message">${message}</p>
			<p><a href="${settings}">Back to Settings</a></p>
			<p><small>Error ${code}, request id ${c.get("requestId")}.</small></p>
		</main>
	</body>
</html>`;
	c.header("cache-control", "no-store");
	return c.html(page, errorStatus[code]);
}
