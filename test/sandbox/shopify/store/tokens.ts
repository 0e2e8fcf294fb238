/**
 * Access and refresh tokens of one store. Expiring offline tokens live 1 hour
 * with a 90-day refresh token; a refresh rotates the pair, and the previous
 * refresh token keeps working for exactly one more refresh (or until its
 * successor is used), like Shopify's grace rule for racing refreshes.
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
 */
import { toHex } from "../../../../worker/crypto/encoding";

export const ACCESS_TTL_SECONDS = 3600;
export const REFRESH_TTL_SECONDS = 90 * 24 * 3600;

export type TokenGrant = {
	access_token: string;
	scope: string;
	expires_in?: number;
	refresh_token?: string;
	refresh_token_expires_in?: number;
};

type Row = {
	token: string;
	kind: "access" | "refresh";
	scope: string;
	expires_at_ms: number | null;
	state: "active" | "grace" | "dead";
	previous: string | null;
};

function randomToken(prefix: string): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return prefix + toHex(bytes);
}

export function issueTokens(sql: SqlStorage, scope: string, expiring: boolean, nowMs: number, previous: string | null = null): TokenGrant {
	const access = randomToken("shpat_");
	sql.exec(
		"INSERT INTO tokens (token, kind, scope, expires_at_ms, state, previous, created_at_ms) VALUES (?, 'access', ?, ?, 'active', NULL, ?)",
		access,
		scope,
		expiring ? nowMs + ACCESS_TTL_SECONDS * 1000 : null,
		nowMs,
	);
	if (!expiring) return { access_token: access, scope };
	const refresh = randomToken("shprt_");
	sql.exec(
		"INSERT INTO tokens (token, kind, scope, expires_at_ms, state, previous, created_at_ms) VALUES (?, 'refresh', ?, ?, 'active', ?, ?)",
		refresh,
		scope,
		nowMs + REFRESH_TTL_SECONDS * 1000,
		previous,
		nowMs,
	);
	return {
		access_token: access,
		scope,
		expires_in: ACCESS_TTL_SECONDS,
		refresh_token: refresh,
		refresh_token_expires_in: REFRESH_TTL_SECONDS,
	};
}

const live = (row: Row | undefined, nowMs: number) =>
	!!row && row.state !== "dead" && (row.expires_at_ms === null || row.expires_at_ms > nowMs);

/** The scope of a live access token, or null when it is unknown, revoked or expired. */
export function accessTokenScope(sql: SqlStorage, token: string, nowMs: number): string | null {
	const row = sql.exec<Row>("SELECT * FROM tokens WHERE token = ? AND kind = 'access'", token).toArray()[0];
	return live(row, nowMs) ? row.scope : null;
}

export function refreshTokens(sql: SqlStorage, refreshToken: string, nowMs: number): TokenGrant | null {
	const row = sql.exec<Row>("SELECT * FROM tokens WHERE token = ? AND kind = 'refresh'", refreshToken).toArray()[0];
	if (!live(row, nowMs)) return null;
	sql.exec("UPDATE tokens SET state = ? WHERE token = ?", row.state === "active" ? "grace" : "dead", row.token);
	// Using a successor ends its predecessor's grace.
	if (row.previous) sql.exec("UPDATE tokens SET state = 'dead' WHERE token = ?", row.previous);
	return issueTokens(sql, row.scope, true, nowMs, row.token);
}

/** Test knob: every access token (and optionally every refresh token) expires now. */
export function expireTokens(sql: SqlStorage, includeRefresh: boolean, nowMs: number): number {
	const kinds = includeRefresh ? "('access', 'refresh')" : "('access')";
	return sql.exec(`UPDATE tokens SET expires_at_ms = ? WHERE kind IN ${kinds} AND state != 'dead'`, nowMs - 1).rowsWritten;
}

export function revokeAllTokens(sql: SqlStorage): void {
	sql.exec("UPDATE tokens SET state = 'dead'");
	sql.exec("UPDATE auth_codes SET used = 1");
}

export function issueAuthCode(sql: SqlStorage, scope: string, nowMs: number): string {
	const code = randomToken("").slice(0, 32);
	sql.exec("INSERT INTO auth_codes (code, scope, expires_at_ms) VALUES (?, ?, ?)", code, scope, nowMs + 10 * 60_000);
	return code;
}

/** Single use: the code is spent whether or not the caller succeeds afterwards. */
export function redeemAuthCode(sql: SqlStorage, code: string, nowMs: number): string | null {
	const row = sql
		.exec<{ scope: string; expires_at_ms: number; used: number }>("SELECT * FROM auth_codes WHERE code = ?", code)
		.toArray()[0];
	if (!row || row.used || row.expires_at_ms <= nowMs) return null;
	sql.exec("UPDATE auth_codes SET used = 1 WHERE code = ?", code);
	return row.scope;
}
