/**
 * Installs the demo shop into a running stack through the same paths a real
 * merchant takes: a session token (the local dev session stands in for App
 * Bridge), POST /api/session (token exchange with the Shopify sandbox, webhook
 * registration, catalogue import on the queue), then "Connect TikTok Shop"
 * (our start link, authorize at the TikTok sandbox, callback to the app). Running it again
 * changes nothing: the install and the import are idempotent.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { followConnectLink } from "./tiktok-connect.ts";

type Json = Record<string, unknown>;

async function call(url: string, init: RequestInit = {}): Promise<Response> {
	return fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
}

async function sessionToken(appUrl: string): Promise<string> {
	const res = await call(`${appUrl}/auth/dev-session`, { method: "POST" });
	if (!res.ok) throw new Error(`dev session: ${res.status} ${await res.text()}`);
	return ((await res.json()) as { token: string }).token;
}

async function api(appUrl: string, method: string, path: string, body?: unknown): Promise<Json> {
	const res = await call(`${appUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${await sessionToken(appUrl)}`, "content-type": "application/json" },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await res.json().catch(() => ({}))) as Json;
	if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
	return json;
}

/** "Connect TikTok Shop" as the merchant's browser does it, cookie included (see tiktok-connect). */
async function connectTikTok(appUrl: string): Promise<void> {
	const status = await api(appUrl, "GET", "/api/tiktok/status");
	if (status.connected) return;
	const { authorizeUrl } = (await api(appUrl, "POST", "/api/tiktok/connect")) as { authorizeUrl: string };
	await followConnectLink(appUrl, authorizeUrl);
}

export async function installDemoShop(appUrl: string, log: (line: string) => void = () => {}): Promise<{ products: number }> {
	const session = await api(appUrl, "POST", "/api/session");
	log(`Shopify: ${String(session.shop)} installed (import ${String(session.importId ?? "already done")})`);
	await connectTikTok(appUrl);
	log("TikTok Shop: connected to the sandbox seller");
	// The import runs on the queue; wait (bounded) until it reports done.
	for (let i = 0; i < 240; i++) {
		const { import: status } = (await api(appUrl, "GET", "/api/import")) as { import: { status: string; imported: number } | null };
		if (status?.status === "done" || status?.status === "failed") {
			log(`Catalogue import ${status.status}: ${status.imported} products`);
			return { products: status.imported };
		}
		await sleep(500);
	}
	throw new Error("The catalogue import did not finish within 2 minutes");
}
