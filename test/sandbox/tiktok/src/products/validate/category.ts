/**
 * Category checks: version (US shops must use the v2 tree), leaf, permission.
 * INVITE_ONLY is accepted for US shops (the product then waits in PENDING with
 * audit PRE_APPROVED / RESTRICTED_CATEGORY_PENDING) and refused elsewhere.
 * @see https://partner.tiktokshop.com/docv2/page/streamlining-of-invite-only-product-categories
 */
import { type Category, categoryById } from "../../catalog/data.ts";
import type { Region } from "../../seller/profile.ts";
import { type Checker, str } from "./checker.ts";

export type CategoryCheck = { category: Category; version: string; inviteOnly: boolean };

/** 12052217 when a US shop does not ask for the v2 tree; v1 and v2 name the same tree here. */
export function categoryVersionError(region: Region, version: string | undefined): number | null {
	if (region === "US" && version !== "v2") return 12052217;
	if (version !== undefined && version !== "v1" && version !== "v2") return 12052230;
	return null;
}

export function checkCategory(body: Record<string, unknown>, region: Region, c: Checker): CategoryCheck | null {
	const version = str(body.category_version);
	const versionError = categoryVersionError(region, version);
	if (versionError) {
		c.fail(versionError);
		return null;
	}
	const id = str(body.category_id)?.trim();
	if (!id) {
		c.fail(12052023);
		return null;
	}
	const category = categoryById(id);
	if (!category) {
		c.fail(12052025);
		return null;
	}
	if (!category.is_leaf) {
		c.fail(12052024);
		return null;
	}
	const statuses = category.permission_statuses;
	if (statuses.includes("PROHIBITED")) c.fail(12052220);
	else if (statuses.includes("NON_MAIN_CATEGORY")) c.fail(12052225);
	else if (statuses.includes("INVITE_ONLY") && region !== "US") c.fail(12052223);
	return { category, version: version ?? "v1", inviteOnly: statuses.includes("INVITE_ONLY") };
}
