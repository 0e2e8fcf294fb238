/**
 * Deterministic randomness for the generated catalogues: FNV-1a to turn a seed
 * string into 32 bits, mulberry32 as the generator. Every product draws from its
 * own generator seeded by `${seed}:${index}`, so product N is the same whatever
 * the catalogue size and whatever was generated before it.
 */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

export class Random {
	private state: number;

	constructor(seed: string) {
		this.state = fnv1a(seed) || 1;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) | 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** `count` distinct items, in their original order. */
	sample<T>(items: readonly T[], count: number): T[] {
		const indexes = items.map((_, i) => i);
		for (let i = indexes.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[indexes[i], indexes[j]] = [indexes[j], indexes[i]];
		}
		return indexes
			.slice(0, Math.min(count, items.length))
			.sort((a, b) => a - b)
			.map((i) => items[i]);
	}
}
