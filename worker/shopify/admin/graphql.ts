/**
 * A minimal Admin GraphQL client for one shop and one access token. Expected
 * failures are values: THROTTLED (with the wait the bucket needs), a refused
 * token, GraphQL errors, and HTTP/network failures.
 *
 * Rate limit: Shopify's calculated query cost (leaky bucket per app and store).
 * Every answer carries `extensions.cost.throttleStatus`; a THROTTLED answer may
 * come with HTTP 200 or 429. The wait is (cost − available) / restoreRate seconds.
 * @see https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits
 */
import { parseJsonKeepingBigIds } from "../normalize/ids";

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
export type QueryCost = { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: ThrottleStatus };

export type GraphqlResult<T> =
	| { ok: true; data: T; cost: QueryCost | null }
	| { ok: false; reason: "throttled"; retryAfterMs: number; cost: QueryCost | null }
	| { ok: false; reason: "unauthorized"; status: number }
	| { ok: false; reason: "errors"; codes: string[]; messages: string[] }
	| { ok: false; reason: "unavailable"; status: number };

export type AdminGraphql = <T>(query: string, variables?: Record<string, unknown>) => Promise<GraphqlResult<T>>;

/** The shop's Admin base from the `{shop}` template (production `https://{shop}`, locally the sandbox). */
export const adminBase = (template: string, shop: string) => template.replace("{shop}", shop);

const FALLBACK_RETRY_MS = 2_000;

/** How long until the bucket holds `cost` points again; 0 when it already does. */
export function waitForCostMs(status: ThrottleStatus | null | undefined, cost: number): number {
	if (!status) return 0;
	const deficit = cost - status.currentlyAvailable;
	if (deficit <= 0) return 0;
	return status.restoreRate > 0 ? Math.ceil((deficit / status.restoreRate) * 1000) : FALLBACK_RETRY_MS;
}

type GraphqlError = { message?: string; extensions?: { code?: string } };
type Body = { data?: unknown; errors?: GraphqlError[] | string; extensions?: { cost?: QueryCost } };

/** Shopify answers some failures (unknown shop, wrong path) with `errors` as one string rather than a list. */
const errorsOf = (body: Body): GraphqlError[] =>
	Array.isArray(body.errors)
		? body.errors
		: body.errors
			? [{ message: typeof body.errors === "string" ? body.errors : JSON.stringify(body.errors) }]
			: [];

export function adminGraphql(opts: { base: string; apiVersion: string; accessToken: string }): AdminGraphql {
	const url = `${opts.base}/admin/api/${opts.apiVersion}/graphql.json`;
	return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResult<T>> => {
		let res: Response;
		try {
			res = await fetch(url, {
				method: "POST",
				headers: { "content-type": "application/json", accept: "application/json", "x-shopify-access-token": opts.accessToken },
				body: JSON.stringify({ query, variables }),
			});
		} catch {
			return { ok: false, reason: "unavailable", status: 0 };
		}
		if (res.status === 401 || res.status === 403) return { ok: false, reason: "unauthorized", status: res.status };
		let body: Body;
		try {
			body = parseJsonKeepingBigIds(await res.text()) as Body;
		} catch {
			return { ok: false, reason: "unavailable", status: res.status };
		}
		const cost = body.extensions?.cost ?? null;
		const errors = errorsOf(body);
		const codes = errors.map((e) => e.extensions?.code ?? "");
		if (res.status === 429 || codes.includes("THROTTLED")) {
			const wait = waitForCostMs(cost?.throttleStatus, cost?.requestedQueryCost ?? 0);
			return { ok: false, reason: "throttled", retryAfterMs: wait || FALLBACK_RETRY_MS, cost };
		}
		if (!res.ok) return { ok: false, reason: "unavailable", status: res.status };
		if (errors.length || body.data == null) {
			return { ok: false, reason: "errors", codes, messages: errors.map((e) => e.message ?? "unknown error") };
		}
		return { ok: true, data: body.data as T, cost };
	};
}
