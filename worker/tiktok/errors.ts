/**
 * The one TikTok error taxonomy. Every failed call, whatever its cause (TikTok business
 * code, HTTP status, network, timeout, unexpected response shape, a request we refuse to
 * send), becomes one `TikTokError` value with TikTok's code, message and request id kept,
 * plus a short `fix` the merchant can act on. Calls never throw for expected failures.
 *
 * Ordering: the rate-limit signals (HTTP 429, 36009002, 12052109) win over everything
 * else, because the caller's per-shop limiter must adapt whatever the body says;
 * 36009004 is overloaded and is branched on its message (TikTok warns against routing
 * on that number alone).
 * @see https://partner.tiktokshop.com/docv2/page/common-errors
 */
import { CODE_TABLE, KIND_FIX } from "./error-codes";
import type { TikTokErrorKind } from "./error-kind";

export type { TikTokErrorKind };

/** Why an `auth` error happened: only `token_invalid`, `scope_missing` and `auth_code_invalid` need the merchant. */
export type AuthReason = "token_invalid" | "scope_missing" | "auth_code_invalid" | "app_credentials";

type Common = {
	/** TikTok's business code; null when TikTok sent none (network, timeout, non-JSON body). */
	code: number | null;
	message: string;
	requestId: string | null;
	httpStatus: number | null;
	/** The API path called, for logs (never the query string: token calls carry the app secret). */
	path: string;
	/** Plain-language next step for the merchant. */
	fix: string;
};

type SimpleKind = Exclude<TikTokErrorKind, "rate_limited" | "transient" | "timeout" | "bad_response" | "auth">;

export type TikTokError =
	| (Common & { kind: "rate_limited"; retryAfterMs: number | null })
	/** `ambiguous`: a write may have been applied by TikTok although no answer arrived (search before re-creating). */
	| (Common & { kind: "transient" | "timeout" | "bad_response"; ambiguous: boolean })
	| (Common & { kind: "auth"; reason: AuthReason })
	| (Common & { kind: SimpleKind });

export type TikTokResult<T> = { ok: true; data: T; requestId: string | null } | { ok: false; error: TikTokError };

export type ErrorInput = {
	code: number | null;
	message: string;
	requestId?: string | null;
	httpStatus?: number | null;
	path: string;
	retryAfterMs?: number | null;
	/** True for calls that change state at TikTok: their failures may be ambiguous. */
	write?: boolean;
};

const RATE_LIMIT_CODES = new Set([36009002, 12052109]);

/** Maps a TikTok answer (or the lack of one) to the taxonomy. */
export function classifyTikTokError(input: ErrorInput): TikTokError {
	const common = {
		code: input.code,
		message: input.message,
		requestId: input.requestId ?? null,
		httpStatus: input.httpStatus ?? null,
		path: input.path,
	};
	const write = input.write ?? false;
	if (input.httpStatus === 429 || (input.code !== null && RATE_LIMIT_CODES.has(input.code))) {
		const fix = CODE_TABLE[input.code ?? 36009002]?.[1] ?? KIND_FIX.rate_limited;
		return { ...common, kind: "rate_limited", retryAfterMs: input.retryAfterMs ?? null, fix };
	}
	if (input.code === 36009004) return classifyOverloaded(common, input.message);
	const entry = input.code !== null ? CODE_TABLE[input.code] : undefined;
	if (entry) return withKind(common, entry[0], entry[1], write);
	if (input.httpStatus !== null && input.httpStatus !== undefined && input.httpStatus >= 500) {
		return { ...common, kind: "transient", ambiguous: write, fix: KIND_FIX.transient };
	}
	return { ...common, kind: "permanent", fix: KIND_FIX.permanent };
}

function withKind(common: Omit<Common, "fix">, kind: TikTokErrorKind, fix: string, write: boolean): TikTokError {
	switch (kind) {
		case "transient":
		case "timeout":
		case "bad_response":
			return { ...common, kind, ambiguous: write, fix };
		case "rate_limited":
			return { ...common, kind, retryAfterMs: null, fix };
		case "auth":
			return { ...common, kind, reason: authReason(common.code), fix };
		default:
			return { ...common, kind, fix };
	}
}

function authReason(code: number | null): AuthReason {
	if (code === 105005) return "scope_missing";
	if (code === 36004004) return "auth_code_invalid";
	return "token_invalid";
}

/** 36009004 "Message keyword index" from the common-errors page. */
function classifyOverloaded(common: Omit<Common, "fix">, message: string): TikTokError {
	if (/access_token|x-tts-access-token/i.test(message)) {
		return {
			...common,
			kind: "auth",
			reason: "token_invalid",
			fix: "Reconnect TikTok Shop in Settings: the authorisation is no longer valid.",
		};
	}
	if (/app_key/i.test(message)) {
		return { ...common, kind: "auth", reason: "app_credentials", fix: "The app's TikTok app key is not accepted; contact support." };
	}
	if (/timestamp/i.test(message)) {
		return {
			...common,
			kind: "invalid_signature",
			fix: "The request timestamp was refused (server clock or a long delay); contact support if it persists.",
		};
	}
	if (/missing credentials|signature/i.test(message)) {
		return { ...common, kind: "invalid_signature", fix: KIND_FIX.invalid_signature };
	}
	// "Unexpected identifier" (shop_cipher where none is allowed), invalid shop_id or version, "invalid param": our request is wrong.
	return { ...common, kind: "permanent", fix: "The app sent a request TikTok does not accept; contact support and quote the request id." };
}

/** An error the client produces without TikTok's answer (timeout, network, refused input, bad shape). */
export function localError(
	kind: "timeout" | "transient" | "bad_response" | "permanent",
	message: string,
	path: string,
	options: { write?: boolean; code?: number | null; httpStatus?: number | null; requestId?: string | null } = {},
): TikTokError {
	const common = {
		code: options.code ?? null,
		message,
		requestId: options.requestId ?? null,
		httpStatus: options.httpStatus ?? null,
		path,
	};
	if (kind === "permanent") return { ...common, kind, fix: (options.code && CODE_TABLE[options.code]?.[1]) || KIND_FIX.permanent };
	return { ...common, kind, ambiguous: options.write ?? false, fix: KIND_FIX[kind] };
}
