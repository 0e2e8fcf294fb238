/**
 * TikTok ids are 19-digit decimal strings, larger than 2^53, so a client that
 * parses them as JSON numbers loses digits. The sandbox mints ids the same way.
 */
export function bigId(prefix = "1729"): string {
	const digits = crypto.getRandomValues(new Uint8Array(19 - prefix.length));
	return prefix + [...digits].map((d) => String(d % 10)).join("");
}
