/**
 * Which Shopify product a TikTok listing already is. First by external_product_id
 * (the product GID this app sends), then by seller SKU; either way every SKU of
 * the listing must be a SKU of that one product. A SKU shared by several
 * products, or a listing whose SKUs are only partly one product's, is ambiguous:
 * linking it could tie the wrong product's price and stock to a live listing, and
 * creating it could list the product twice, so neither happens. Pure.
 */
export type ListedSkus = { id: string; status: string; externalProductId?: string | null; skus: { id: string; sellerSku: string }[] };

/** The shop's side: product id by GID, and the products carrying each seller SKU. */
export type ShopifySide = { productByGid: Map<string, string>; productsBySku: Map<string, Set<string>> };

export type Match = { match: "linked"; productId: string } | { match: "ambiguous"; reason: string } | { match: "unmatched" };

export const sellerSkusOf = (listing: Pick<ListedSkus, "skus">) => [
	...new Set(listing.skus.map((s) => s.sellerSku).filter((sku) => sku !== "")),
];

function bySku(skus: string[], side: ShopifySide): Match {
	const owners = skus.map((sku) => side.productsBySku.get(sku) ?? new Set<string>());
	const all = new Set(owners.flatMap((o) => [...o]));
	if (all.size === 0) return { match: "unmatched" };
	const shared = skus.find((_, i) => owners[i].size > 1);
	if (shared)
		return { match: "ambiguous", reason: `Seller SKU ${shared} belongs to ${owners[skus.indexOf(shared)].size} Shopify products.` };
	if (all.size > 1) return { match: "ambiguous", reason: `Its seller SKUs belong to ${all.size} different Shopify products.` };
	const missing = skus.filter((_, i) => owners[i].size === 0);
	if (missing.length > 0)
		return {
			match: "ambiguous",
			reason: `Only some of its seller SKUs are on one Shopify product; ${missing.slice(0, 3).join(", ")} ${missing.length === 1 ? "is" : "are"} on none.`,
		};
	return { match: "linked", productId: [...all][0] };
}

export function matchListing(listing: ListedSkus, side: ShopifySide): Match {
	const skus = sellerSkusOf(listing);
	const byGid = listing.externalProductId ? side.productByGid.get(listing.externalProductId) : undefined;
	if (byGid) {
		const foreign = skus.filter((sku) => !side.productsBySku.get(sku)?.has(byGid));
		if (foreign.length === 0) return { match: "linked", productId: byGid };
		return { match: "ambiguous", reason: `It names this Shopify product, but its seller SKU ${foreign[0]} is not one of the product's.` };
	}
	return skus.length === 0 ? { match: "unmatched" } : bySku(skus, side);
}
