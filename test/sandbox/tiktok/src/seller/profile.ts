/**
 * A sandbox seller: one authorized shop with its identifiers, region, default
 * warehouse and per-seller knobs (rate limits, daily listing quota, audit delay
 * and failure share, token lifetime). Stored in the seller's own object.
 */
import { randomAlnum } from "../auth/tokens.ts";
import { bigId } from "./ids.ts";
import { getMeta, setMeta } from "./meta.ts";

export const REGIONS = ["US", "GB", "ID", "BR", "MX", "DE", "FR", "IT", "ES", "IE", "JP", "MY", "PH", "SG", "TH", "VN", "SA"] as const;
export type Region = (typeof REGIONS)[number];

export const CURRENCY: Record<Region, string> = {
	US: "USD",
	GB: "GBP",
	ID: "IDR",
	BR: "BRL",
	MX: "MXN",
	DE: "EUR",
	FR: "EUR",
	IT: "EUR",
	ES: "EUR",
	IE: "EUR",
	JP: "JPY",
	MY: "MYR",
	PH: "PHP",
	SG: "SGD",
	TH: "THB",
	VN: "VND",
	SA: "SAR",
};

export type SellerConfig = {
	writeRatePerSecond: number;
	readRatePerSecond: number;
	/** Creates per UTC day (12052093 beyond it). */
	dailyListingQuota: number;
	/** Time a new or edited product spends in review before the audit result. */
	auditDelayMs: number;
	/** Share of audits that fail (deterministic: every 1/share-th audit), besides banned words. */
	auditFailureRate: number;
	/** Access-token lifetime; null uses the Worker default (7 days). */
	accessTokenTtlSeconds: number | null;
};

export const DEFAULT_CONFIG: SellerConfig = {
	writeRatePerSecond: 10,
	readRatePerSecond: 50,
	dailyListingQuota: 1000,
	auditDelayMs: 3000,
	auditFailureRate: 0,
	accessTokenTtlSeconds: null,
};

export type SellerProfile = {
	seller_id: string;
	seller_name: string;
	shop_id: string;
	shop_name: string;
	shop_cipher: string;
	shop_code: string;
	open_id: string;
	region: Region;
	seller_type: "LOCAL";
	currency: string;
	warehouse_id: string;
	created_at: number;
	config: SellerConfig;
};

export type ProvisionInput = { region?: Region; name?: string } & Partial<SellerConfig>;

export function newProfile(sellerId: string, input: ProvisionInput, now: number): SellerProfile {
	const region = input.region ?? "US";
	const name = input.name ?? (sellerId === "demo" ? "Sandbox Demo Shop" : `Sandbox Shop ${sellerId}`);
	const { region: _r, name: _n, ...config } = input;
	return {
		seller_id: sellerId,
		seller_name: name,
		shop_id: bigId("749"),
		shop_name: name,
		shop_cipher: `ROW_${randomAlnum(28)}`,
		shop_code: `${region}LC${randomAlnum(6).toUpperCase()}`,
		open_id: bigId("701"),
		region,
		seller_type: "LOCAL",
		currency: CURRENCY[region],
		warehouse_id: bigId("700"),
		created_at: now,
		config: { ...DEFAULT_CONFIG, ...config },
	};
}

export function loadProfile(sql: SqlStorage): SellerProfile | null {
	return getMeta<SellerProfile>(sql, "profile");
}

export function saveProfile(sql: SqlStorage, profile: SellerProfile): void {
	setMeta(sql, "profile", profile);
}
