/**
 * Product images are real PNGs of the size the API advertises (TikTok's upload
 * decodes them), the same bytes on every request.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP, shopifySandbox, type Json } from "./sandbox/shopify/client";

const sandbox = shopifySandbox(env.SHOPIFY_ADMIN_BASE);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => (bytes.reduce((crc, b) => CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

type Chunk = { type: string; data: Uint8Array; crcOk: boolean };

function chunks(png: Uint8Array): Chunk[] {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const out: Chunk[] = [];
	for (let at = 8; at < png.length; ) {
		const length = view.getUint32(at);
		const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
		out.push({
			type,
			data: png.subarray(at + 8, at + 8 + length),
			crcOk: view.getUint32(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length)),
		});
		at += 12 + length;
	}
	return out;
}

async function inflate(data: Uint8Array): Promise<number> {
	const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate"));
	return (await new Response(stream).arrayBuffer()).byteLength;
}

async function imagesOf(count: number): Promise<Json[]> {
	const token = await sandbox.token(DEMO_SHOP);
	const res = await sandbox.graphql(
		DEMO_SHOP,
		token,
		`{ products(first: ${count}) { nodes { media(first: 10) { nodes { ... on MediaImage { image { url width height } } } } } } }`,
	);
	return res.body.data.products.nodes.flatMap((p: Json) => p.media.nodes.map((m: Json) => m.image));
}

describe("sandbox CDN images", () => {
	it("serves valid PNGs of the advertised size, at least 600 × 600", async () => {
		const images = await imagesOf(6);
		const sizes = new Set(images.map((i) => `${i.width}x${i.height}`));
		expect(sizes.size).toBeGreaterThan(1);
		for (const image of images) {
			const res = await fetch(image.url);
			expect(res.status).toBe(200);
			expect(res.headers.get("content-type")).toBe("image/png");
			const png = new Uint8Array(await res.arrayBuffer());
			expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
			const parts = chunks(png);
			expect(parts.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
			expect(parts.every((c) => c.crcOk)).toBe(true);
			const ihdr = new DataView(parts[0].data.buffer, parts[0].data.byteOffset, 13);
			expect([ihdr.getUint32(0), ihdr.getUint32(4)]).toEqual([image.width, image.height]);
			expect([ihdr.getUint8(8), ihdr.getUint8(9)]).toEqual([8, 2]);
			expect(Math.min(image.width, image.height)).toBeGreaterThanOrEqual(600);
			expect(await inflate(parts[1].data)).toBe(image.height * (1 + image.width * 3));
		}
	});

	it("returns the same bytes for the same image, and different images for different products", async () => {
		const [a, b] = await imagesOf(2).then((list) => [list[0], list.find((i) => i.url !== list[0].url)!]);
		const bytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
		expect(await bytes(a.url)).toEqual(await bytes(a.url));
		expect(await bytes(a.url)).not.toEqual(await bytes(b.url));
	});

	it("answers 404 for names that are not sandbox images", async () => {
		expect((await fetch(`${sandbox.origin}/cdn/images/not-a-png.jpg`)).status).toBe(404);
		expect((await fetch(`${sandbox.origin}/cdn/images/huge_9000x9000.png`)).status).toBe(404);
	});
});
