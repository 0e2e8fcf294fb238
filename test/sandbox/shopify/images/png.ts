/**
 * Real PNG files for the sandbox CDN, so TikTok's image upload (and its sandbox)
 * gets bytes it can decode and measure: 8-bit RGB, one IDAT compressed with the
 * runtime's CompressionStream("deflate") (a zlib stream, as PNG requires), CRC-32
 * per chunk. The picture is a flat colour with a contrasting square and a footer
 * band, both derived from the image name, so every product looks different and
 * the same URL always returns the same bytes.
 * @see https://www.w3.org/TR/png-3/
 */
import { fnv1a } from "../catalog/random";

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	out.set(new TextEncoder().encode(type), 4);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
	return out;
}

async function deflate(data: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([data]).stream().pipeThrough(new CompressionStream("deflate"));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

function hsl(h: number, s: number, l: number): [number, number, number] {
	const a = s * Math.min(l, 1 - l);
	const f = (n: number) => {
		const k = (n + h / 30) % 12;
		return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
	};
	return [f(0), f(8), f(4)];
}

export async function renderPng(name: string, width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
	const hash = fnv1a(name);
	const hue = hash % 360;
	const background = hsl(hue, 0.55, 0.72);
	const accent = hsl((hue + 180) % 360, 0.5, 0.42);
	const band = hsl(hue, 0.45, 0.35);
	const stride = 1 + width * 3;
	const raw = new Uint8Array(stride * height);
	const square = Math.floor(Math.min(width, height) / 3);
	const left = Math.floor((width - square) / 2);
	const top = Math.floor((height - square) / 2) - Math.floor(height / 20);
	for (let y = 0; y < height; y++) {
		const row = y * stride;
		raw[row] = 0; // filter: None
		const inBand = y >= height - Math.floor(height / 8);
		for (let x = 0; x < width; x++) {
			const inSquare = y >= top && y < top + square && x >= left && x < left + square;
			const [r, g, b] = inBand ? band : inSquare ? accent : background;
			const at = row + 1 + x * 3;
			raw[at] = r;
			raw[at + 1] = g;
			raw[at + 2] = b;
		}
	}
	const header = new Uint8Array(13);
	const view = new DataView(header.buffer);
	view.setUint32(0, width);
	view.setUint32(4, height);
	header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace
	const parts = [
		new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk("IHDR", header),
		chunk("IDAT", await deflate(raw)),
		chunk("IEND", new Uint8Array()),
	];
	const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const part of parts) {
		png.set(part, offset);
		offset += part.length;
	}
	return png;
}

/** `<name>_<w>x<h>.png` → its size (800 × 800 when the name has none). */
export function parseImageName(file: string): { name: string; width: number; height: number } | null {
	const match = /^([a-z0-9][a-z0-9_-]*?)(?:_(\d{2,4})x(\d{2,4}))?\.png$/i.exec(file);
	if (!match) return null;
	const width = match[2] ? Number(match[2]) : 800;
	const height = match[3] ? Number(match[3]) : 800;
	if (width < 1 || height < 1 || width > 2048 || height > 2048) return null;
	return { name: match[1], width, height };
}
