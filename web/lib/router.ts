/**
 * Hash routing: the only HTML document is "/", which the Worker serves with the
 * shop's frame-ancestors CSP; every page lives after the '#'.
 */
import { signal } from "@preact/signals";

const current = () => window.location.hash.replace(/^#/, "") || "/products";

export const route = signal(current());
window.addEventListener("hashchange", () => {
	route.value = current();
});

export function navigate(path: string, options: { replace?: boolean } = {}) {
	if (options.replace) {
		history.replaceState(null, "", `#${path}`);
		route.value = current();
	} else window.location.hash = path;
}

/** Matches "/templates/:id" style patterns; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
	const p = pattern.split("/");
	const s = path.split("?")[0].split("/");
	if (p.length !== s.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < p.length; i++) {
		if (p[i].startsWith(":")) params[p[i].slice(1)] = decodeURIComponent(s[i]);
		else if (p[i] !== s[i]) return null;
	}
	return params;
}

/** The query part of a hash route ("/settings?tiktok=connected"). */
export function routeQuery(path: string): URLSearchParams {
	return new URLSearchParams(path.split("?")[1] ?? "");
}
