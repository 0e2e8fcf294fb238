/**
 * Image format and pixel size from the file header, the way TikTok identifies
 * uploads: by magic bytes, not by name or declared type. JPEG, PNG and WEBP only.
 */
export type ImageInfo = { format: "JPEG" | "PNG" | "WEBP"; contentType: string; width: number; height: number };

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

function png(b: Uint8Array): ImageInfo | null {
	if (b.length < 24 || ascii(b, 12, 4) !== "IHDR") return null;
	return { format: "PNG", contentType: "image/png", width: u32be(b, 16), height: u32be(b, 20) };
}

/** Walks JPEG segments to the first start-of-frame marker (SOF0-SOF15 except DHT/JPG/DAC). */
function jpeg(b: Uint8Array): ImageInfo | null {
	let i = 2;
	while (i + 9 < b.length) {
		if (b[i] !== 0xff) return null;
		const marker = b[i + 1];
		if (marker === 0xff) {
			i++;
			continue;
		}
		const length = u16be(b, i + 2);
		const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
		if (isSof) return { format: "JPEG", contentType: "image/jpeg", height: u16be(b, i + 5), width: u16be(b, i + 7) };
		i += 2 + length;
	}
	return null;
}

function webp(b: Uint8Array): ImageInfo | null {
	const chunk = ascii(b, 12, 4);
	const info = (width: number, height: number): ImageInfo => ({ format: "WEBP", contentType: "image/webp", width, height });
	if (chunk === "VP8 " && b.length >= 30) return info(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
	if (chunk === "VP8L" && b.length >= 25) {
		const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
		return info((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
	}
	if (chunk === "VP8X" && b.length >= 30) return info(u24le(b, 24) + 1, u24le(b, 27) + 1);
	return null;
}

export function imageInfo(bytes: Uint8Array): ImageInfo | null {
	if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 3) === "PNG") return png(bytes);
	if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpeg(bytes);
	if (bytes.length >= 16 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return webp(bytes);
	return null;
}

export function isPdf(bytes: Uint8Array): boolean {
	return bytes.length >= 5 && ascii(bytes, 0, 5) === "%PDF-";
}
