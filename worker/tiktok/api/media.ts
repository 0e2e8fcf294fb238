/**
 * Image and file uploads. Multipart bodies are never part of the signature and these two
 * paths must not carry `shop_cipher` (transport decides both from the path and body type).
 * TikTok takes the file bytes, never a URL.
 * @see https://partner.tiktokshop.com/docv2/page/upload-product-image-202309
 * @see https://partner.tiktokshop.com/docv2/page/upload-product-file-202309
 */
import { z } from "zod";
import { sendTikTok } from "../transport";
import type { CallContext } from "./context";

export type ImageUseCase = "MAIN_IMAGE" | "ATTRIBUTE_IMAGE" | "DESCRIPTION_IMAGE" | "CERTIFICATION_IMAGE" | "SIZE_CHART_IMAGE";

export type UploadBytes = Blob | ArrayBuffer | Uint8Array;

const UploadedImage = z.looseObject({
	uri: z.string().min(1),
	url: z.string().default(""),
	width: z.number().optional(),
	height: z.number().optional(),
	use_case: z.string().optional(),
});
export type UploadedImage = z.infer<typeof UploadedImage>;

function toBlob(data: UploadBytes, type: string): Blob {
	if (data instanceof Blob) return data;
	// Bytes read from fetch or files are never backed by a SharedArrayBuffer.
	return new Blob([data as Uint8Array<ArrayBuffer> | ArrayBuffer], { type });
}

/** Uploading the same bytes twice is harmless (a new uri), so a retry after a timeout is safe. */
export function uploadImage(
	ctx: CallContext,
	input: { data: UploadBytes; useCase: ImageUseCase; fileName?: string; contentType?: string },
) {
	const form = new FormData();
	form.append("data", toBlob(input.data, input.contentType ?? "application/octet-stream"), input.fileName ?? "image");
	form.append("use_case", input.useCase);
	return sendTikTok(ctx.app, ctx.session, {
		method: "POST",
		path: "/product/202309/images/upload",
		form,
		schema: UploadedImage,
		idempotent: true,
	});
}

const UploadedFile = z.looseObject({
	id: z.union([z.string(), z.number()]).transform(String),
	name: z.string().default(""),
	format: z.string().default(""),
	url: z.string().default(""),
});
export type UploadedFile = z.infer<typeof UploadedFile>;

/** `name` like `certification.pdf`: no extra dots, no leading symbol, no spaces. */
export function uploadFile(ctx: CallContext, input: { data: UploadBytes; name: string; contentType?: string }) {
	const form = new FormData();
	form.append("data", toBlob(input.data, input.contentType ?? "application/pdf"), input.name);
	form.append("name", input.name);
	return sendTikTok(ctx.app, ctx.session, {
		method: "POST",
		path: "/product/202309/files/upload",
		form,
		schema: UploadedFile,
		idempotent: true,
	});
}
