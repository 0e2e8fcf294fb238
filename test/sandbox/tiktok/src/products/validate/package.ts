/**
 * Package weight and dimensions. Weight: positive decimal string, unit allowed in
 * the market, KILOGRAM ≤ 3 decimals, POUND ≤ 2, GRAM whole. Dimensions: positive
 * whole numbers as strings. Imperial units only for US shops; weight and
 * dimensions in one unit system.
 */
import type { SellerContext } from "../../seller/context.ts";
import { IMPERIAL, WEIGHT_DECIMALS, dimensionUnits, weightUnits } from "../region-rules.ts";
import { type Checker, obj, str } from "./checker.ts";

export type PackageCheck = {
	weight: { value: string; unit: string };
	dimensions?: { length: string; width: string; height: string; unit: string };
};

export function checkPackage(body: Record<string, unknown>, ctx: SellerContext, c: Checker, dimensionsRequired: boolean): PackageCheck {
	const region = ctx.seller.region;
	const w = obj(body.package_weight);
	const value = str(w?.value) ?? "";
	const unit = str(w?.unit) ?? "";
	const weight = { value, unit };
	if (!w || !unit || !value) c.fail(12019011);
	else if (IMPERIAL.has(unit) && region !== "US") c.fail(12019061);
	else if (!weightUnits(region).includes(unit)) c.fail(12019011);
	else if (!/^\d+(\.\d+)?$/.test(value)) c.fail(12019011);
	else if (Number(value) === 0) c.fail(12052181);
	else if ((value.split(".")[1]?.length ?? 0) > (WEIGHT_DECIMALS[unit] ?? 0)) c.fail(12019011);

	const d = obj(body.package_dimensions);
	if (!d) {
		if (dimensionsRequired) c.fail(12052116);
		return { weight };
	}
	const dimensions = { length: str(d.length) ?? "", width: str(d.width) ?? "", height: str(d.height) ?? "", unit: str(d.unit) ?? "" };
	const whole = (v: string) => /^\d+$/.test(v) && Number(v) > 0;
	if (IMPERIAL.has(dimensions.unit) && region !== "US") c.fail(12019061);
	else if (!dimensionUnits(region).includes(dimensions.unit)) c.fail(12019012);
	else if (![dimensions.length, dimensions.width, dimensions.height].every(whole)) c.fail(12019012);
	else if (unit && IMPERIAL.has(unit) !== IMPERIAL.has(dimensions.unit)) c.fail(12052915);
	return { weight, dimensions };
}
