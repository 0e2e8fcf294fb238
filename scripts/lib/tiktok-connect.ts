/**
 * Follows a Connect TikTok Shop link the way the merchant's browser does: our /auth/tiktok/start
 * (which sets the cookie that binds the state to this browser), the TikTok sandbox's authorize
 * page (it approves at once, as `sellerId` when given), then our callback carrying that cookie,
 * up to the redirect back to Settings. Without the cookie the callback refuses (403).
 */
/** Returns the Settings URL the app sent the browser back to; throws on a refusal or a failed connection. */
export async function followConnectLink(appUrl: string, link: string, options: { sellerId?: string } = {}): Promise<string> {
	const appOrigin = new URL(appUrl).origin;
	const jar = new Map<string, string>();
	let url = new URL(link);
	for (let hop = 0; hop < 5; hop++) {
		const ours = url.origin === appOrigin;
		if (options.sellerId && !ours && url.pathname === "/oauth/authorize") url.searchParams.set("seller_id", options.sellerId);
		const cookie = ours && jar.size ? [...jar].map(([name, value]) => `${name}=${value}`).join("; ") : undefined;
		const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(30_000) });
		for (const line of ours ? res.headers.getSetCookie() : []) {
			const [pair = ""] = line.split(";");
			jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
		}
		const next = res.headers.get("location");
		if (!next)
			throw new Error(
				`TikTok connect: ${res.status} at ${url.pathname}: ${(await res.text())
					.replace(/<[^>]+>/g, " ")
					.replace(/\s+/g, " ")
					.trim()
					.slice(0, 300)}`,
			);
		url = new URL(next, url);
		if (url.origin === appOrigin && url.hash.startsWith("#/settings")) {
			if (!url.hash.includes("tiktok=connected")) throw new Error(`TikTok connect: back at ${url.hash}`);
			return url.href;
		}
	}
	throw new Error("TikTok connect: too many redirects");
}
