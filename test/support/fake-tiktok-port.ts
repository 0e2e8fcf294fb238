/**
 * A fake TikTokPort for tests that call the sync jobs directly: every call is
 * recorded, and each method answers from a queue of scripted results, else with
 * a plausible success (a listing TikTok accepted, an image it hosts, …).
 */
import type { ListingBody } from "../../worker/tiktok/api/product-body";
import type { CreatedListing, PortFailure, PortResult, TikTokPort } from "../../worker/tiktok";

export type FakeCall = { method: keyof TikTokPort; args: unknown[]; at: number };
type Answer<K extends keyof TikTokPort> = Awaited<ReturnType<TikTokPort[K]>>;

export const LEAF = { id: "600001", parentId: "0", name: "T-shirts", isLeaf: true, permissionStatuses: ["AVAILABLE"] };

const ok = <T>(value: T): PortResult<T> => ({ ok: true, value });
export const fail = (kind: PortFailure["kind"], extra: Partial<PortFailure> = {}): { ok: false; failure: PortFailure } => ({
	ok: false,
	failure: { kind, code: extra.code ?? kind.toUpperCase(), message: `fake ${kind}`, ...extra },
});

function listingOf(body: ListingBody, productId: string): CreatedListing {
	return { productId, skus: body.skus.map((s) => ({ id: `sku-${s.seller_sku}`, sellerSku: s.seller_sku })), warnings: [] };
}

export function fakeTikTokPort() {
	const calls: FakeCall[] = [];
	const scripted = new Map<keyof TikTokPort, unknown[]>();
	let created = 0;
	const defaults: { [K in keyof TikTokPort]: (...args: Parameters<TikTokPort[K]>) => Answer<K> } = {
		categories: () => ok([LEAF]),
		categoryAttributes: () => ok([]),
		categoryRules: () => ok({}),
		recommendCategory: () => ok({ leafId: LEAF.id, path: [LEAF] }),
		brands: () => ok([]),
		uploadImage: (_bytes, name) => ok({ uri: `tos-fake/${name}`, url: `https://tiktok.example.test/${name}`, width: 800, height: 800 }),
		uploadFile: (_bytes, name) => ok({ id: `file-${name}`, name }),
		listingCheck: () => ok({ passed: true, failReasons: [] }),
		createProduct: (body) => ok(listingOf(body, `tt-${++created}`)),
		searchBySellerSkus: () => ok([]),
		listProducts: () => ok({ products: [], nextPageToken: null, total: 0 }),
		getProduct: (id) => ok({ id, status: "PENDING", auditStatus: "AUDITING", preApprovedReasons: [], failedReasons: [], skus: [] }),
		updatePrices: () => ok(undefined),
		updateInventory: () => ok(undefined),
		// Like TikTok: SKUs sent with an id keep it, new ones get one.
		partialEdit: (_id, body) =>
			ok({
				auditing: true,
				warnings: [],
				skus: (body.skus ?? []).map((s) => ({ id: s.id ?? `sku-${s.seller_sku}`, sellerSku: s.seller_sku })),
			}),
		activate: () => ok(undefined),
		deactivate: () => ok(undefined),
		delete: () => ok(undefined),
	};
	const port = Object.fromEntries(
		(Object.keys(defaults) as (keyof TikTokPort)[]).map((method) => [
			method,
			async (...args: never[]) => {
				calls.push({ method, args, at: Date.now() });
				const queue = scripted.get(method);
				return queue?.length ? queue.shift() : (defaults[method] as (...a: never[]) => unknown)(...args);
			},
		]),
	) as unknown as TikTokPort;
	return {
		port,
		calls,
		/** The next answers of `method`, in order; then the default again. */
		answer<K extends keyof TikTokPort>(method: K, ...answers: Answer<K>[]) {
			scripted.set(method, [...(scripted.get(method) ?? []), ...answers]);
		},
		called: (method: keyof TikTokPort) => calls.filter((c) => c.method === method),
	};
}

export type FakeTikTokPort = ReturnType<typeof fakeTikTokPort>;
