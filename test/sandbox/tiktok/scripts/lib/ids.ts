/**
 * Deterministic id helpers for generated sandbox data. Generated ids come from
 * a hash of a stable key (never from a counter), so adding one value to a list
 * does not renumber every value after it and committed data stays stable.
 */

/** 32-bit FNV-1a. */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

/**
 * Hands out numeric ids in [base, base + span) keyed by a stable string, skipping
 * ids that are already taken (real TikTok ids from the fixtures are reserved first).
 */
export class IdAllocator {
	private readonly taken = new Set<string>();
	private readonly byKey = new Map<string, string>();
	private readonly base: number;
	private readonly span: number;

	constructor(base: number, span: number) {
		this.base = base;
		this.span = span;
	}

	reserve(id: string): void {
		this.taken.add(id);
	}

	/** Pins `key` to a known (real) id. */
	assign(key: string, id: string): void {
		this.taken.add(id);
		this.byKey.set(key, id);
	}

	idFor(key: string): string {
		const known = this.byKey.get(key);
		if (known) return known;
		let n = fnv1a(key) % this.span;
		let id = String(this.base + n);
		while (this.taken.has(id)) {
			n = (n + 1) % this.span;
			id = String(this.base + n);
		}
		this.taken.add(id);
		this.byKey.set(key, id);
		return id;
	}
}
