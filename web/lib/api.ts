/**
 * The UI's typed API client (Hono's `hc` over the Worker's route types). Every call carries a Shopify session token: from
 * App Bridge inside the Shopify admin, or from the local dev session when the
 * Worker enables it. Errors arrive as the app's one envelope and are thrown as
 * ApiError, whose `issues` let a form show each message next to its field.
 */
import { type ClientResponse, hc } from "hono/client";
import type { AppType } from "../../worker/app";
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

/** fetch that turns "no answer at all" into the same ApiError every other failure is. */
const send: typeof fetch = async (input, init) => {
	try {
		return await fetch(input, init);
	} catch {
		throw new ApiError(0, "NETWORK", "The app could not be reached. Check your connection and try again.");
	}
};

/** The API, typed by the Worker's routes: paths, inputs and answers come from worker/app.ts. */
export const api = hc<AppType>("/", { fetch: send, headers: async () => ({ authorization: `Bearer ${await sessionToken()}` }) }).api;

/** The JSON of every 2xx answer a route declares (errors are thrown, never typed answers). */
type Body<R> = R extends ClientResponse<infer T, infer _Status, infer _Format> ? T : never;

/** The answer of a typed call, or the envelope thrown as an ApiError for any non-2xx. */
export async function call<R extends ClientResponse<unknown>>(pending: Promise<R>): Promise<Body<R>> {
	const res = await pending;
	if (res.status === 204) return undefined as Body<R>;
	const json = await res.json().catch(() => null);
	if (!res.ok) {
		const error = (json as ErrorBody | null)?.error;
		throw new ApiError(
			res.status,
			error?.code ?? "INTERNAL",
			error?.message ?? `Request failed (${res.status}).`,
			error?.issues,
			error?.details,
			error?.requestId,
		);
	}
	return json as Body<R>;
}

type QueryValue<V> = V extends number ? string : Exclude<V, "" | null | undefined>;

/** Query values without the empty ones (an empty filter means no filter), numbers as text. */
export function query<Q extends Record<string, string | number | undefined | null>>(params: Q): { [K in keyof Q]?: QueryValue<Q[K]> } {
	const kept: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") kept[key] = String(value);
	return kept as { [K in keyof Q]?: QueryValue<Q[K]> };
}
