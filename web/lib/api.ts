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
	) {
		super(message);
	}
	/** The message for one field path, if the API named it. */
	forField(path: string): string | undefined {
		return this.issues.find((issue) => issue.path === path || issue.path.endsWith(`.${path}`))?.message;
	}
}

type AppBridge = { idToken(): Promise<string> };
declare global {
	interface Window {
		shopify?: AppBridge;
	}
}

let devToken: { token: string; expiresAt: number } | null = null;

async function sessionToken(): Promise<string> {
	if (window.shopify?.idToken) return window.shopify.idToken();
	if (devToken && devToken.expiresAt > Date.now() + 5_000) return devToken.token;
	const res = await fetch("/auth/dev-session", { method: "POST" });
	if (!res.ok) throw new ApiError(res.status, "UNAUTHORIZED", "Open this app from the Shopify admin.");
	const body = (await res.json()) as { token: string; expiresAt: number };
	devToken = body;
	return body.token;
}

export async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
	const headers = new Headers(init.headers);
	headers.set("authorization", `Bearer ${await sessionToken()}`);
	if (body !== undefined && !(body instanceof FormData)) headers.set("content-type", "application/json");
	const res = await fetch(path, {
		...init,
		method,
		headers,
		body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
	});
	if (res.status === 204) return undefined as T;
	const json = await res.json().catch(() => null);
	if (!res.ok) {
		const error = (json as ErrorBody | null)?.error;
		throw new ApiError(res.status, error?.code ?? "INTERNAL", error?.message ?? `Request failed (${res.status}).`, error?.issues, error?.details);
	}
	return json as T;
}

export const get = <T>(path: string) => request<T>("GET", path);
export const post = <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {});
export const put = <T>(path: string, body: unknown) => request<T>("PUT", path, body);
export const patch = <T>(path: string, body: unknown) => request<T>("PATCH", path, body);
export const del = <T>(path: string) => request<T>("DELETE", path);
