/**
 * Auth codes, access tokens and refresh tokens of one seller. Codes are single
 * use and live 10 minutes; access tokens live the configured lifetime (7 days by
 * default); refresh tokens a year. Expiry times in answers are absolute Unix
 * seconds, as TikTok's `access_token_expire_in`.
 * @see https://partner.tiktokshop.com/docv2/page/authorization-overview-202407
 */
import { mintCredential } from "../auth/tokens.ts";
import type { SellerProfile } from "./profile.ts";

const CODE_TTL_MS = 10 * 60 * 1000;
const REFRESH_TTL_MS = 365 * 24 * 3600 * 1000;
const SCOPES = [
	"seller.authorization.info",
	"seller.shop.info",
	"seller.product.basic",
	"seller.product.write",
	"seller.product.delete",
	"seller.logistics",
];

type Row = { value: string; kind: string; expires_at: number; used: number };

const find = (sql: SqlStorage, value: string, kind: string) =>
	sql.exec<Row>("SELECT * FROM credentials WHERE value = ? AND kind = ?", value, kind).toArray()[0] ?? null;

function insert(sql: SqlStorage, value: string, kind: string, expiresAt: number, nowMs: number): void {
	sql.exec("INSERT INTO credentials (value, kind, expires_at, created_at) VALUES (?, ?, ?, ?)", value, kind, expiresAt, nowMs);
}

export function issueAuthCode(sql: SqlStorage, profile: SellerProfile, nowMs: number): string {
	const code = mintCredential("ROW_", profile.seller_id);
	insert(sql, code, "code", nowMs + CODE_TTL_MS, nowMs);
	return code;
}

function tokenAnswer(profile: SellerProfile, access: string, accessExpiresAt: number, refresh: string, refreshExpiresAt: number) {
	return {
		access_token: access,
		access_token_expire_in: Math.floor(accessExpiresAt / 1000),
		refresh_token: refresh,
		refresh_token_expire_in: Math.floor(refreshExpiresAt / 1000),
		open_id: profile.open_id,
		seller_name: profile.seller_name,
		seller_base_region: profile.region,
		user_type: 0,
		granted_scopes: SCOPES,
	};
}

export type TokenAnswer = ReturnType<typeof tokenAnswer>;

export function issueTokens(sql: SqlStorage, profile: SellerProfile, ttlSeconds: number, nowMs: number): TokenAnswer {
	const access = mintCredential("TTP_", profile.seller_id);
	const refresh = mintCredential("TTP_", profile.seller_id);
	insert(sql, access, "access", nowMs + ttlSeconds * 1000, nowMs);
	insert(sql, refresh, "refresh", nowMs + REFRESH_TTL_MS, nowMs);
	return tokenAnswer(profile, access, nowMs + ttlSeconds * 1000, refresh, nowMs + REFRESH_TTL_MS);
}

export function exchangeCode(sql: SqlStorage, profile: SellerProfile, code: string, ttlSeconds: number, nowMs: number): TokenAnswer | null {
	const row = find(sql, code, "code");
	if (!row || row.used || row.expires_at <= nowMs) return null;
	sql.exec("UPDATE credentials SET used = 1 WHERE value = ?", code);
	return issueTokens(sql, profile, ttlSeconds, nowMs);
}

/** A new access token; the refresh token itself is kept (with its original expiry). */
export function refreshTokens(
	sql: SqlStorage,
	profile: SellerProfile,
	refresh: string,
	ttlSeconds: number,
	nowMs: number,
): TokenAnswer | null {
	const row = find(sql, refresh, "refresh");
	if (!row || row.expires_at <= nowMs) return null;
	const access = mintCredential("TTP_", profile.seller_id);
	insert(sql, access, "access", nowMs + ttlSeconds * 1000, nowMs);
	return tokenAnswer(profile, access, nowMs + ttlSeconds * 1000, refresh, row.expires_at);
}

export function accessTokenState(sql: SqlStorage, token: string, nowMs: number): "valid" | "expired" | "unknown" {
	const row = find(sql, token, "access");
	if (!row) return "unknown";
	return row.expires_at <= nowMs ? "expired" : "valid";
}

/** Test knob: expire one access token, or all of them. */
export function expireAccessTokens(sql: SqlStorage, nowMs: number, token?: string): number {
	const cursor = token
		? sql.exec("UPDATE credentials SET expires_at = ? WHERE kind = 'access' AND value = ?", nowMs, token)
		: sql.exec("UPDATE credentials SET expires_at = ? WHERE kind = 'access'", nowMs);
	return cursor.rowsWritten;
}
