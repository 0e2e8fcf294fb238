/**
 * /api/uploads: certification documents and images, and size charts, uploaded
 * through TikTok's file and image upload so the template can reference them.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { doc } from "../http/doc";
import { shopSession } from "../auth/shop-session";
import { AppError } from "../http/errors";
import { validate } from "../http/validate";
import { PACED, type PortResult, pacedPortForShop, type TikTokPort } from "../tiktok";

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MAX_PDF_BYTES = 20 * 1024 * 1024;

const ImageForm = z.object({
	file: z.instanceof(File, { message: "Attach the image as `file`." }),
	useCase: z
		.enum(["CERTIFICATION_IMAGE", "SIZE_CHART_IMAGE", "ATTRIBUTE_IMAGE", "MAIN_IMAGE", "DESCRIPTION_IMAGE"])
		.default("CERTIFICATION_IMAGE"),
});
const FileForm = z.object({ file: z.instanceof(File, { message: "Attach the PDF as `file`." }) });

async function withPort<T>(c: { env: Env; var: AppEnv["Variables"] }, call: (port: TikTokPort) => Promise<PortResult<T>>): Promise<T> {
	const connection = await pacedPortForShop(c.env, c.var.db, c.var.shopId);
	if (!connection.ok) throw new AppError("NOT_CONNECTED", `${connection.message} Connect TikTok Shop in Settings.`);
	const attempt = await call(connection.port);
	if (!attempt.ok) {
		const f = attempt.failure;
		if (f.code === PACED) throw new AppError("RATE_LIMITED", "TikTok's rate limit for this shop is in use; try again in a few seconds.");
		throw new AppError(f.kind === "permanent" ? "VALIDATION_FAILED" : "UPSTREAM", `TikTok Shop refused the upload: ${f.message}`, {
			issues: [{ path: "file", message: f.message }],
			details: { code: f.code, requestId: f.requestId },
		});
	}
	return attempt.value;
}

export const uploadRoutes = new Hono<AppEnv>()
	.use(shopSession())
	.post("/image", doc("Upload an image (certification, size chart) to TikTok", 201), validate("form", ImageForm), async (c) => {
		const { file, useCase } = c.req.valid("form");
		if (file.size === 0 || file.size > MAX_IMAGE_BYTES)
			throw new AppError("VALIDATION_FAILED", "Images must be between 1 byte and 10 MB.", {
				issues: [{ path: "file", message: "Too large or empty." }],
			});
		const bytes = await file.arrayBuffer();
		return c.json(await withPort(c, (port) => port.uploadImage(bytes, file.name || "image.png", useCase)), 201);
	})
	.post("/file", doc("Upload a PDF certificate to TikTok", 201), validate("form", FileForm), async (c) => {
		const { file } = c.req.valid("form");
		if (file.size === 0 || file.size > MAX_PDF_BYTES)
			throw new AppError("VALIDATION_FAILED", "PDFs must be between 1 byte and 20 MB.", {
				issues: [{ path: "file", message: "Too large or empty." }],
			});
		// TikTok wants a plain name: no extra dots, no leading symbol, no spaces.
		const name = `${
			(file.name || "certificate")
				.replace(/\.pdf$/i, "")
				.replace(/[^A-Za-z0-9_-]+/g, "_")
				.replace(/^[_-]+/, "") || "certificate"
		}.pdf`;
		const bytes = await file.arrayBuffer();
		return c.json(await withPort(c, (port) => port.uploadFile(bytes, name)), 201);
	});
