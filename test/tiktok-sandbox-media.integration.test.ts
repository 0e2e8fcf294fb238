/**
 * Image and file uploads: formats by magic bytes, real dimensions from the header,
 * the documented size limits per use case, and URLs the sandbox serves back.
 */
import { describe, expect, it } from "vitest";
import { call, jpegHeader, newSeller, pngHeader, uploadImage, webpHeader } from "./support/tiktok-sandbox-client";

describe("image upload", () => {
	it("reads PNG, JPEG and WEBP dimensions and serves the image back", async () => {
		const seller = await newSeller();
		const png = await uploadImage(seller, pngHeader(1200, 900));
		expect(png.body.data).toMatchObject({
			width: 1200,
			height: 900,
			use_case: "MAIN_IMAGE",
			uri: expect.stringMatching(/^tos-maliva-i-o3syd03w52-us\/[0-9a-f]{32}$/),
		});
		const jpeg = await uploadImage(seller, jpegHeader(640, 480), "DESCRIPTION_IMAGE", "photo.jpg");
		expect(jpeg.body.data).toMatchObject({ width: 640, height: 480, use_case: "DESCRIPTION_IMAGE" });
		const webp = await uploadImage(seller, webpHeader(1000, 750), "MAIN_IMAGE", "photo.webp");
		expect(webp.body.data).toMatchObject({ width: 1000, height: 750 });
		const served = await fetch(png.body.data.url);
		expect(served.headers.get("content-type")).toBe("image/png");
		expect(new Uint8Array(await served.arrayBuffer())).toEqual(pngHeader(1200, 900));
	});

	it("enforces the documented limits", async () => {
		const seller = await newSeller();
		expect((await uploadImage(seller, pngHeader(299, 800))).body.code).toBe(12038014);
		expect((await uploadImage(seller, pngHeader(4001, 800))).body.code).toBe(12038014);
		expect((await uploadImage(seller, pngHeader(200, 200), "DESCRIPTION_IMAGE")).body.code).toBe(0);
		expect((await uploadImage(seller, pngHeader(800, 800), "SIZE_CHART_IMAGE")).body.code).toBe(12038014);
		expect((await uploadImage(seller, new TextEncoder().encode("GIF89a not supported here"))).body.code).toBe(12038004);
		expect((await uploadImage(seller, pngHeader(800, 800), "BANNER")).body.code).toBe(11050001);
		const json = await call(seller, "POST", "/product/202309/images/upload", { json: { data: "not multipart" } });
		expect(json.body.code).toBe(36009023);
	});
});

describe("file upload", () => {
	it("accepts PDFs only", async () => {
		const seller = await newSeller();
		const form = new FormData();
		form.set("data", new Blob([new TextEncoder().encode("%PDF-1.7\n%sandbox\n")]), "certificate.pdf");
		form.set("name", "certificate.pdf");
		const ok = await call(seller, "POST", "/product/202309/files/upload", { form });
		expect(ok.body.data).toMatchObject({ name: "certificate.pdf", format: "PDF", id: expect.any(String) });
		const bad = new FormData();
		bad.set("data", new Blob([pngHeader(400, 400)]), "scan.pdf");
		expect((await call(seller, "POST", "/product/202309/files/upload", { form: bad })).body.code).toBe(12038004);
	});
});
