/**
 * Listing rules that differ by market (Create Product reference, "Units" and
 * field tables).
 * @see https://partner.tiktokshop.com/docv2/page/create-product-202309
 */
import type { Region } from "../seller/profile.ts";

const WESTERN: Region[] = ["US", "GB", "DE", "FR", "IT", "ES", "IE", "JP"];

export function titleBounds(region: Region): [number, number] {
	if (WESTERN.includes(region)) return [1, 255];
	if (region === "BR" || region === "MX") return [1, 300];
	return [25, 255];
}

export function maxSkus(region: Region): number {
	return [...WESTERN, "BR", "MX"].includes(region) ? 300 : 100;
}

export function weightUnits(region: Region): string[] {
	if (region === "US") return ["KILOGRAM", "POUND"];
	if (region === "BR" || region === "JP" || region === "MX") return ["KILOGRAM", "GRAM"];
	return ["KILOGRAM"];
}

export const WEIGHT_DECIMALS: Record<string, number> = { KILOGRAM: 3, POUND: 2, GRAM: 0 };

export function dimensionUnits(region: Region): string[] {
	return region === "US" ? ["CENTIMETER", "INCH"] : ["CENTIMETER"];
}

export const IMPERIAL = new Set(["POUND", "INCH"]);

/** Price range per market; TikTok documents [0.01, 7600] for US list prices. */
export function priceBounds(region: Region): [number, number] {
	return region === "US" ? [0.01, 7600] : [0.01, 100_000_000];
}
