/**
 * POST /product/202309/images/upload and /files/upload (multipart, unsigned body,
 * no shop_cipher). Formats are recognised by magic bytes; image dimensions come
 * from the header and are checked against the documented limits per use case.
 * @see https://partner.tiktokshop.com/docv2/page/upload-product-image-202309
 */
import { toHex } from "../../../../../worker/crypto/encoding.ts";
import { type Answer, fail, ok } from "../http/envelope.ts";
import type { ApiCall, SellerContext } from "../seller/context.ts";
import { imageInfo, isPdf } from "./image-info.ts";
import { mediaUrl, saveMedia } from "./store.ts";

const MB = 1024 * 1024;
const USE_CASES = ["MAIN_IMAGE", "ATTRIBUTE_IMAGE", "DESCRIPTION_IMAGE", "CERTIFICATION_IMAGE", "SIZE_CHART_IMAGE"];

/** [min side, max side] per use case; SIZE_CHART_IMAGE also needs a shorter side of at least 1024 px. */
function sideLimits(useCase: string): [number, number] {
	return useCase === "MAIN_IMAGE" ? [300, 4000] : [100, 20000];
}

async function digest(parts: (string | Uint8Array)[]): Promise<string> {
	const enc = new TextEncoder();
	const bytes = parts.map((p) => (typeof p === "string" ? enc.encode(p) : p));
	const joined = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
	let at = 0;
	for (const b of bytes) {
		joined.set(b, at);
		at += b.length;
	}
	const hash = await crypto.subtle.digest("SHA-256", joined);
	return toHex(new Uint8Array(hash));
}

export async function uploadImage(ctx: SellerContext, call: ApiCall): Promise<Answer> {
	if (!call.upload) return fail(36009023);
	const file = call.upload.file;
	if (!file || file.bytes.length === 0) return fail(12038002);
	if (file.bytes.length > 10 * MB) return fail(12038005);
	const useCase = call.upload.fields.use_case || "MAIN_IMAGE";
	if (!USE_CASES.includes(useCase)) return fail(11050001);
	const info = imageInfo(file.bytes);
	if (!info) return fail(12038004);

	const [min, max] = sideLimits(useCase);
	const shortSide = Math.min(info.width, info.height);
	const tooSmallChart = useCase === "SIZE_CHART_IMAGE" && shortSide < 1024;
	if (info.width < min || info.height < min || info.width > max || info.height > max || tooSmallChart) {
		const low = useCase === "SIZE_CHART_IMAGE" ? 1024 : min;
		return fail(
			12038014,
			`The image dimensions exceed the allowed limits. Allowed dimensions (width x height in pixels): ${low} x ${low} to ${max} x ${max}`,
		);
	}
	const uri = `tos-maliva-i-o3syd03w52-us/${(await digest([useCase, file.bytes])).slice(0, 32)}`;
	saveMedia(
		ctx.sql,
		{
			id: uri,
			kind: "image",
			use_case: useCase,
			name: file.name,
			format: info.format,
			width: info.width,
			height: info.height,
			content_type: info.contentType,
			size: file.bytes.length,
			created_at: ctx.nowMs,
		},
		file.bytes,
	);
	return ok({ uri, url: mediaUrl(ctx.origin, ctx.seller.seller_id, uri), width: info.width, height: info.height, use_case: useCase });
}

/** No extra dots, no leading symbol, no spaces (Upload Product File reference). */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*\.pdf$/i;

export async function uploadFile(ctx: SellerContext, call: ApiCall): Promise<Answer> {
	if (!call.upload) return fail(36009023);
	const file = call.upload.file;
	if (!file || file.bytes.length === 0) return fail(12038002);
	if (file.bytes.length > 20 * MB) return fail(12038005);
	if (!isPdf(file.bytes)) return fail(12038004);
	const name = call.upload.fields.name || file.name;
	if (!FILE_NAME.test(name)) return fail(11050001);
	const id = `v09ea0g4${(await digest([name, file.bytes])).slice(0, 24)}`;
	saveMedia(
		ctx.sql,
		{
			id,
			kind: "file",
			use_case: null,
			name,
			format: "PDF",
			width: null,
			height: null,
			content_type: "application/pdf",
			size: file.bytes.length,
			created_at: ctx.nowMs,
		},
		file.bytes,
	);
	return ok({ id, name, format: "PDF", url: mediaUrl(ctx.origin, ctx.seller.seller_id, id) });
}
