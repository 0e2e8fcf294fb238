/**
 * Which calls carry `shop_cipher`. Shop-scoped calls must (missing → 106013); a few must not
 * (present → 36009004 "Unexpected identifier"): uploads, global products, compliance,
 * brand creation, authorization and seller calls. Token calls go to the auth host and never
 * reach this check.
 * @see https://partner.tiktokshop.com/docv2/page/common-errors
 */
const NO_CIPHER = [
	/^\/product\/\d+\/images\/upload$/,
	/^\/product\/\d+\/files\/upload$/,
	/^\/product\/\d+\/global_/,
	/^\/product\/\d+\/compliance\//,
	/^\/authorization\//,
	/^\/seller\//,
];

export function needsShopCipher(method: string, path: string): boolean {
	if (method === "POST" && /^\/product\/\d+\/brands$/.test(path)) return false;
	return !NO_CIPHER.some((pattern) => pattern.test(path));
}
