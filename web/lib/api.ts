/**
 * The UI's typed fetch layer. Every call carries a Shopify session token: from
 * App Bridge inside the Shopify admin, or from the local dev session when the
 * Worker enables it. Errors arrive as the app's one envelope and are thrown as
 * ApiError, whose `issues` let a form show each message next to its field.
 */
import type { ErrorBody, FieldIssue } from "../../worker/http/errors";

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly issues: FieldIssue[] = [],
		readonly details?: unknown,
		readonly requestId?: string,
	) {
		super(message);
	}
	/** The message for one field path, if the API named it. */
	forField(path: string): string | undefined {
		return this.issues.find((issue) => issue.path === path || issue.path.endsWith(`.${path}`))?.message;
	}
}

/** Issues at `path` or below it (`shipping` takes `shipping.weightUnit`). */
export function issuesAt(issues: FieldIssue[] | undefined, path: string): FieldIssue[] {
	return (issues ?? []).filter((i) => i.path === path || i.path.startsWith(`${path}.`));
}

/** The first message at exactly `path` (or below it), for a field's error line. */
export const messageAt = (issues: FieldIssue[] | undefined, path: string) => issuesAt(issues, path)[0]?.message;

/** An unknown thrown value as an ApiError, so every error state reads the same. */
export const asApiError = (error: unknown): ApiError =>
	error instanceof ApiError ? error : new ApiError(0, "NETWORK", error instanceof Error ? error.message : "Something went wrong.");

type AppBridge = { idToken(): Promise<string> };
declare global {
	interface Window {
		shopify?: AppBridge;
	}
}

let devToken: { token: string; expiresAt: number } | null = null;
let pendingToken: Promise<string> | null = null;

async function fetchDevToken(): Promise<string> {
	const res = await fetch("/auth/dev-session", { method: "POST" });
	if (!res.ok) throw new ApiError(res.status, "UNAUTHORIZED", "Open this app from the Shopify admin.");
	const body = (await res.json()) as { token: string; expiresAt: number };
	devToken = body;
	return body.token;
}

async function sessionToken(): Promise<string> {
	if (window.shopify?.idToken) return window.shopify.idToken();
	if (devToken && devToken.expiresAt > Date.now() + 5_000) return devToken.token;
	// Concurrent calls share one dev-session request.
	pendingToken ??= fetchDevToken().finally(() => {
		pendingToken = null;
	});
	return pendingToken;
}

export async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
	const headers = new Headers(init.headers);
	headers.set("authorization", `Bearer ${await sessionToken()}`);
	if (body !== undefined && !(body instanceof FormData)) headers.set("content-type", "application/json");
	let res: Response;
	try {
		res = await fetch(path, {
			...init,
			method,
			headers,
			body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
		});
	} catch {
		throw new ApiError(0, "NETWORK", "The app could not be reached. Check your connection and try again.");
	}
	if (res.status === 204) return undefined as T;
	const json = await res.json().catch(() => null);
	if (!res.ok) {
		const error = (json as ErrorBody | null)?.error;
		throw new ApiError(res.status, error?.code ?? "INTERNAL", error?.message ?? `Request failed (${res.status}).`, error?.issues, error?.details, error?.requestId);
	}
	return json as T;
}

export const get = <T>(path: string) => request<T>("GET", path);
export const post = <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {});
export const put = <T>(path: string, body: unknown) => request<T>("PUT", path, body);
export const patch = <T>(path: string, body: unknown) => request<T>("PATCH", path, body);
export const del = <T>(path: string) => request<T>("DELETE", path);

/** Multipart upload (certificates, size charts). */
export function upload<T>(path: string, file: File, fields: Record<string, string> = {}): Promise<T> {
	const form = new FormData();
	form.set("file", file);
	for (const [key, value] of Object.entries(fields)) form.set(key, value);
	return request<T>("POST", path, form);
}

/** A query string from the defined, non-empty entries. */
export function query(params: Record<string, string | number | undefined | null>): string {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
	const text = search.toString();
	return text ? `?${text}` : "";
}
