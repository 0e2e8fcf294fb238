/**
 * Main images: 1 to 9, each a URI the seller uploaded (TikTok-hosted), each at
 * least 300 px on both sides.
 */
import { mediaInfo } from "../../media/store.ts";
import type { SellerContext } from "../../seller/context.ts";
import { type Checker, arr, obj, str } from "./checker.ts";

const MAX_MAIN_IMAGES = 9;
const MIN_MAIN_SIDE = 300;

export function uploadedImage(ctx: SellerContext, uri: string | undefined) {
	if (!uri) return null;
	const media = mediaInfo(ctx.sql, uri);
	return media?.kind === "image" ? media : null;
}

export function checkMainImages(body: Record<string, unknown>, ctx: SellerContext, c: Checker): { uri: string }[] {
	const list = arr(body.main_images) ?? [];
	if (list.length === 0) {
		c.fail(12052028);
		return [];
	}
	if (list.length > MAX_MAIN_IMAGES) {
		c.fail(12052306);
		return [];
	}
	const images: { uri: string }[] = [];
	for (const item of list) {
		const uri = str(obj(item)?.uri);
		const media = uploadedImage(ctx, uri);
		if (!uri || !media) {
			c.fail(12052300, uri ? `uri: ${uri}` : undefined);
			return [];
		}
		if ((media.width ?? 0) < MIN_MAIN_SIDE || (media.height ?? 0) < MIN_MAIN_SIDE) {
			c.fail(12052301, { min_limit: String(MIN_MAIN_SIDE), uri });
			return [];
		}
		images.push({ uri });
	}
	return images;
}
