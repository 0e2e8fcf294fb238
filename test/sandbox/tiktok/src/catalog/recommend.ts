/**
 * A deterministic stand-in for TikTok's category recommendation: token overlap
 * between the product text and leaf category paths, weighted by rarity (IDF),
 * with the leaf's own name counting most, the title more than the description,
 * the last title words (where the product kind usually is) more than the first,
 * a short synonym list for everyday product words ("tee" → t-shirt, "sneakers" →
 * trainers, "20000mAh" → power bank), and baby, kids', Muslim and pet categories
 * only when the text names that audience. Ties go to the shorter leaf name, then
 * the smaller id. Only AVAILABLE or INVITE_ONLY leaves are proposed.
 */
import { CATEGORIES, type Category, categoryPath } from "./data.ts";

const STOP = new Set(["and", "for", "with", "the", "a", "an", "of", "in", "on", "to", "by", "your", "our", "new", "set", "pack", "size"]);

/** Query word → category words it stands for. */
const SYNONYMS: Record<string, string[]> = {
	tee: ["tshirt"],
	tshirt: ["tshirt"],
	shirt: ["tshirt", "shirt"],
	hoodie: ["hoodie", "jumper"],
	hoody: ["hoodie"],
	sweatshirt: ["hoodie", "jumper"],
	sweater: ["jumper", "knitwear"],
	pullover: ["jumper", "hoodie"],
	sneaker: ["casual", "trainer"],
	trainer: ["trainer"],
	denim: ["jean"],
	midi: ["casual"],
	maxi: ["casual"],
	sundress: ["dress", "casual"],
	summer: ["casual"],
	floral: ["casual"],
	womens: ["women"],
	mens: ["men"],
	kid: ["kid"],
	child: ["kid"],
	pant: ["trouser"],
	backpack: ["backpack"],
	rucksack: ["backpack"],
	case: ["case", "phone"],
	cover: ["case"],
	iphone: ["phone"],
	mah: ["power", "bank"],
	powerbank: ["power", "bank"],
	headphone: ["headphone", "earphone"],
	earbud: ["earphone", "headphone"],
	earphone: ["earphone", "headphone"],
	lipstick: ["lipstick"],
	gloss: ["lip", "gloss"],
	moisturizer: ["moisturiser"],
	moisturiser: ["moisturiser"],
	cream: ["moisturiser", "cream"],
	face: ["facial"],
	candle: ["candle"],
	mug: ["mug"],
	cup: ["mug", "cup"],
	yoga: ["yoga", "pilate"],
	mat: ["yoga", "mat"],
	dog: ["dog"],
	puppy: ["dog"],
	chew: ["dog", "toy"],
	tea: ["tea"],
	matcha: ["tea"],
	chai: ["tea"],
	coffee: ["coffee"],
};

export function tokens(text: string): string[] {
	const words = text
		.toLowerCase()
		.replace(/<[^>]*>/g, " ")
		.replace(/(\d)([a-z])/g, "$1 $2")
		.replace(/t-shirt/g, "tshirt")
		.replace(/['’]s\b/g, "")
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w));
	return words.map(singular);
}

function singular(w: string): string {
	if (w.length <= 3) return w;
	if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
	if (/(ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
	if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
	return w;
}

type IndexedLeaf = {
	category: Category;
	leafWords: Set<string>;
	parentWords: Set<string>;
	pathWords: Set<string>;
	nameLength: number;
	audience: string | null;
};

/** Top-level categories for a particular audience: proposed only when the text names that audience. */
const AUDIENCES: Record<string, RegExp> = {
	"Baby & Maternity": /\b(baby|babies|infant|newborn|toddler|maternity|pregnan)/i,
	"Kids' Fashion": /\b(kid|kids|child|children|boy|boys|girl|girls|toddler)/i,
	"Muslim Fashion": /\b(muslim|islamic|hijab|abaya|prayer|modest)/i,
	"Pet Supplies": /\b(pet|pets|dog|dogs|puppy|cat|cats|kitten|bird|fish|hamster|rabbit)/i,
};

const LEAVES: IndexedLeaf[] = CATEGORIES.filter(
	(c) => c.is_leaf && !c.permission_statuses.some((s) => s === "PROHIBITED" || s === "NON_MAIN_CATEGORY"),
).map((c) => {
	const path = categoryPath(c.id);
	return {
		category: c,
		leafWords: new Set(tokens(c.local_name)),
		parentWords: new Set(path.length > 1 ? tokens(path[path.length - 2].local_name) : []),
		pathWords: new Set(path.slice(0, -1).flatMap((p) => tokens(p.local_name))),
		nameLength: tokens(c.local_name).length,
		audience: AUDIENCES[path[0].local_name] ? path[0].local_name : null,
	};
});

const DOCUMENT_FREQUENCY = new Map<string, number>();
for (const leaf of LEAVES)
	for (const w of new Set([...leaf.leafWords, ...leaf.pathWords])) DOCUMENT_FREQUENCY.set(w, (DOCUMENT_FREQUENCY.get(w) ?? 0) + 1);
const idf = (w: string) => Math.log(1 + LEAVES.length / (DOCUMENT_FREQUENCY.get(w) ?? LEAVES.length));

/** Words that usually describe a product rather than name its kind ("organic cotton", "wireless"). */
const MODIFIERS = new Set([
	"organic",
	"cotton",
	"linen",
	"silk",
	"wool",
	"leather",
	"ceramic",
	"glass",
	"wooden",
	"wood",
	"bamboo",
	"steel",
	"stainless",
	"plastic",
	"rubber",
	"soy",
	"wireless",
	"portable",
	"premium",
	"classic",
	"vintage",
	"mini",
	"large",
	"small",
	"crew",
	"slim",
	"durable",
	"soft",
]);

function weightedWords(title: string, description: string): Map<string, number> {
	const weights = new Map<string, number>();
	const add = (word: string, weight: number) => {
		const w = MODIFIERS.has(word) ? weight * 0.3 : weight;
		for (const expanded of [word, ...(SYNONYMS[word] ?? [])])
			weights.set(expanded, Math.max(weights.get(expanded) ?? 0, expanded === word ? w : w * 0.9));
	};
	for (const w of tokens(description).slice(0, 300)) add(w, 1);
	// The kind of product is usually named last ("Organic Cotton Crew T-Shirt"), so later title words weigh more.
	const words = tokens(title);
	for (const [i, w] of words.entries()) add(w, 2 + (2 * (i + 1)) / words.length);
	return weights;
}

/** The best leaf for the text, or null when nothing overlaps. */
export function recommendLeaf(title: string, description: string): Category | null {
	const words = weightedWords(title, description);
	const text = `${title} ${description}`;
	let best: { leaf: IndexedLeaf; score: number } | null = null;
	for (const leaf of LEAVES) {
		let score = 0;
		let matched = 0;
		for (const [w, weight] of words) {
			if (leaf.leafWords.has(w)) {
				score += 3 * weight * idf(w);
				matched++;
			} else if (leaf.parentWords.has(w)) score += 2 * weight * idf(w);
			else if (leaf.pathWords.has(w)) score += weight * idf(w);
		}
		if (score <= 0) continue;
		// Leaf-name words the text does not mention count against the leaf ("Tablet Covers" for a phone case).
		score /= 1 + 0.15 * Math.max(0, leaf.nameLength - matched);
		if (leaf.audience && !AUDIENCES[leaf.audience].test(text)) score *= 0.5;
		const better =
			!best ||
			score > best.score + 1e-9 ||
			(Math.abs(score - best.score) <= 1e-9 &&
				(leaf.nameLength < best.leaf.nameLength ||
					(leaf.nameLength === best.leaf.nameLength && Number(leaf.category.id) < Number(best.leaf.category.id))));
		if (better) best = { leaf, score };
	}
	return best && best.score >= 1 ? best.leaf.category : null;
}
