/**
 * One signed HTTP exchange with TikTok Shop, with the policies every call shares:
 * - base URLs come from config, so nothing here knows whether it talks to TikTok or the sandbox;
 * - each attempt takes a fresh 10-digit timestamp and a fresh signature, and is cut off by
 *   its own `AbortSignal.timeout`;
 * - the JSON body is serialised once and that same string is signed and sent;
 * - transient failures (5xx other than 429, 36009003, 36009007, 12001000, network, timeout)
 *   are retried with backoff, but only for idempotent calls (GET, or a create that carries
 *   an `idempotency_key`);
 * - rate limits are returned at once with `retryAfterMs`: the caller's per-shop limiter adapts;
 * - an expired (or rejected) access token calls `refreshAccessToken()` once, then retries once.
 * @see https://partner.tiktokshop.com/docv2/page/sign-your-api-request
 * @see https://partner.tiktokshop.com/docv2/page/rate-limits
 */
import type { z } from "zod";
import { classifyTikTokError, localError, type TikTokError, type TikTokResult } from "./errors";
import { parseTikTokJson } from "./json";
import { parseRetryAfter } from "./retry-after";
import { needsShopCipher } from "./shop-cipher";
import { type Query, queryValue, signRequest } from "./signing";

export type TikTokAppConfig = {
	appKey: string;
	appSecret: string;
	/** e.g. https://open-api.tiktokglobalshop.com, or the sandbox's origin. */
	apiBase: string;
	/** e.g. https://auth.tiktok-shops.com, or the sandbox's origin. */
	authBase: string;
	fetch?: typeof fetch;
	/** Per attempt. Default 10 000 ms. */
	timeoutMs?: number;
	/** Retries after the first attempt, for idempotent calls only. Default 2. */
	maxRetries?: number;
	/** Backoff base: attempt n waits base × 2^(n-1) plus jitter, capped at 5 s. Default 300 ms. */
	retryBaseMs?: number;
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
};

/** The per-shop credentials a client carries; `accessToken` is replaced after a refresh. */
export type TikTokSession = {
	accessToken: string;
	shopCipher?: string | null;
	/** Returns a new access token, or null when the refresh failed. Called at most once per call. */
	refreshAccessToken?: () => Promise<string | null>;
};

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type TikTokRequest<T> = {
	method: HttpMethod;
	path: string;
	query?: Query;
	/** Serialised once with JSON.stringify; that exact string is signed and sent. */
	json?: unknown;
	/** Multipart upload: never body-signed. */
	form?: FormData;
	schema: z.ZodType<T>;
	/** "auth" = the token host: unsigned, no access token, no common parameters. */
	host?: "api" | "auth";
	/** A POST that only reads (search, listing check, recommend): retried, and its failures are never ambiguous. */
	readOnly?: boolean;
	/** Safe to repeat. Default: reads, or a JSON body carrying `idempotency_key`. */
	idempotent?: boolean;
};

type Attempt<T> = { ok: true; data: T; requestId: string | null } | { ok: false; error: TikTokError };

const RETRYABLE = new Set(["transient", "timeout"]);

export async function sendTikTok<T>(app: TikTokAppConfig, session: TikTokSession | null, req: TikTokRequest<T>): Promise<TikTokResult<T>> {
	const write = req.method !== "GET" && !req.readOnly;
	const idempotent = req.idempotent ?? (!write || hasIdempotencyKey(req.json));
	const body = req.json === undefined ? undefined : JSON.stringify(req.json);
	const maxRetries = app.maxRetries ?? 2;
	const sleep = app.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	let retries = 0;
	let refreshed = false;
	for (;;) {
		const result = await attempt(app, session, req, body, write);
		if (result.ok) return result;
		const { error } = result;
		if (session?.refreshAccessToken && !refreshed && isTokenProblem(error)) {
			refreshed = true;
			const token = await session.refreshAccessToken();
			if (token) {
				session.accessToken = token;
				continue;
			}
			return result;
		}
		if (idempotent && RETRYABLE.has(error.kind) && retries < maxRetries) {
			retries += 1;
			await sleep(backoffMs(retries, app.retryBaseMs ?? 300));
			continue;
		}
		return result;
	}
}

function isTokenProblem(error: TikTokError): boolean {
	return error.kind === "auth_expired" || (error.kind === "auth" && error.reason === "token_invalid");
}

function hasIdempotencyKey(json: unknown): boolean {
	return typeof json === "object" && json !== null && typeof (json as { idempotency_key?: unknown }).idempotency_key === "string";
}

export function backoffMs(retry: number, baseMs: number): number {
	return Math.min(5000, baseMs * 2 ** (retry - 1)) + Math.random() * (baseMs / 2);
}

async function attempt<T>(
	app: TikTokAppConfig,
	session: TikTokSession | null,
	req: TikTokRequest<T>,
	body: string | undefined,
	write: boolean,
): Promise<Attempt<T>> {
	const now = app.now ?? Date.now;
	const url = await buildUrl(app, session, req, body);
	if (!url.ok) return url;
	const headers = new Headers();
	if (body !== undefined) headers.set("content-type", "application/json");
	if (req.host !== "auth" && session) headers.set("x-tts-access-token", session.accessToken);
	let response: Response;
	let text: string;
	try {
		response = await (app.fetch ?? fetch)(url.href, {
			method: req.method,
			headers,
			body: req.form ?? body,
			signal: AbortSignal.timeout(app.timeoutMs ?? 10_000),
		});
		text = await response.text();
	} catch (error) {
		const name = (error as { name?: unknown } | null)?.name;
		const timedOut = name === "TimeoutError" || name === "AbortError";
		const message = timedOut
			? `No answer from TikTok within ${app.timeoutMs ?? 10_000} ms`
			: `Network error: ${error instanceof Error ? error.message : String(error)}`;
		return { ok: false, error: localError(timedOut ? "timeout" : "transient", message, req.path, { write }) };
	}
	const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now());
	const parsed = parseTikTokJson(text);
	const envelope =
		parsed.ok && typeof parsed.value === "object" && parsed.value !== null ? (parsed.value as Record<string, unknown>) : null;
	if (!envelope || typeof envelope.code !== "number") {
		if (!response.ok) {
			const message = `HTTP ${response.status} without a TikTok envelope`;
			return {
				ok: false,
				error: classifyTikTokError({ code: null, message, httpStatus: response.status, path: req.path, retryAfterMs, write }),
			};
		}
		return {
			ok: false,
			error: localError("bad_response", "TikTok's answer is not a JSON envelope", req.path, { write, httpStatus: response.status }),
		};
	}
	const requestId = typeof envelope.request_id === "string" ? envelope.request_id : null;
	const message = typeof envelope.message === "string" ? envelope.message : "";
	if (envelope.code !== 0) {
		return {
			ok: false,
			error: classifyTikTokError({
				code: envelope.code,
				message,
				requestId,
				httpStatus: response.status,
				path: req.path,
				retryAfterMs,
				write,
			}),
		};
	}
	const data = req.schema.safeParse(envelope.data ?? {});
	if (!data.success) {
		const detail = data.error.issues
			.slice(0, 3)
			.map((issue) => `${issue.path.join(".")}: ${issue.message}`)
			.join("; ");
		return {
			ok: false,
			error: localError("bad_response", `Unexpected response shape (${detail})`, req.path, {
				write,
				requestId,
				httpStatus: response.status,
			}),
		};
	}
	return { ok: true, data: data.data, requestId };
}

async function buildUrl<T>(app: TikTokAppConfig, session: TikTokSession | null, req: TikTokRequest<T>, body: string | undefined) {
	const base = req.host === "auth" ? app.authBase : app.apiBase;
	// The signed path is the API path; a base with a path prefix is only a mount point.
	const url = new URL(base.replace(/\/+$/, "") + req.path);
	const query: Query = { ...req.query };
	if (req.host !== "auth") {
		query.app_key = app.appKey;
		query.timestamp = String(Math.floor((app.now ?? Date.now)() / 1000));
		if (needsShopCipher(req.method, req.path)) {
			if (!session?.shopCipher)
				return {
					ok: false as const,
					error: localError("permanent", "This call needs the shop cipher; reconnect TikTok Shop.", req.path, { code: 106013 }),
				};
			query.shop_cipher = session.shopCipher;
		}
	}
	for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, queryValue(value));
	if (req.host !== "auth") {
		const contentType = req.form ? "multipart/form-data" : body !== undefined ? "application/json" : null;
		url.searchParams.set("sign", await signRequest({ appSecret: app.appSecret, path: req.path, query, body, contentType }));
	}
	return { ok: true as const, href: url.href };
}
