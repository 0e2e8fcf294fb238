/**
 * Hashes of what was pushed to TikTok, so a Shopify update that changes nothing
 * TikTok shows (orders fire products/update too) sends nothing, and a change
 * sends only what changed: prices and inventory (no re-audit) or content.
 */
import type { CatalogProduct } from "../catalog";
import { toHex } from "../crypto/encoding";

async function sha(text: string): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
	return toHex(new Uint8Array(digest).slice(0, 12));
}

export type Fingerprints = Awaited<ReturnType<typeof fingerprints>>;

export async function fingerprints(product: CatalogProduct) {
	const variants = [...product.variants].sort((a, b) => a.id.localeCompare(b.id));
	return {
		priceHash: await sha(JSON.stringify(variants.map((v) => [v.id, v.price, v.compareAtPrice]))),
		inventoryHash: await sha(JSON.stringify(variants.map((v) => [v.id, v.inventoryQuantity]))),
		contentHash: await sha(
			JSON.stringify([
				product.title,
				product.bodyHtml,
				product.images.map((i) => i.src),
				product.options,
				product.vendor,
				product.productType,
				product.tags,
			]),
		),
	};
}
