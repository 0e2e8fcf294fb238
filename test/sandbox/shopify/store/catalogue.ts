/**
 * Creating a store's state: its profile (seed, size, weight unit), shop info,
 * collections and generated products, written in one synchronous transaction so a
 * concurrent request never sees half a catalogue. The demo store is materialised
 * lazily on its first request; other stores only through POST /__sandbox/stores.
 */
import { DEMO_PRODUCT_COUNT, DEMO_SHOP, generateCollections, generateProduct, shopInfoFor, type StoreProfile } from "../catalog/generate";
import { storeSlot } from "../catalog/ids";
import type { SandboxCollection, ShopInfo, WeightUnit } from "../catalog/types";
import { readMeta, writeMeta } from "./meta";
import { saveProduct } from "./products";

export type StoreOptions = {
	shop: string;
	productCount?: number;
	seed?: string;
	weightUnit?: WeightUnit;
	name?: string;
	currencyCode?: string;
};

export type StoreState = { profile: StoreProfile; info: ShopInfo; collections: SandboxCollection[] };

export function defaultProfile(opts: StoreOptions): StoreProfile {
	const demo = opts.shop === DEMO_SHOP;
	return {
		shop: opts.shop,
		seed: opts.seed ?? (demo ? "demo-store" : opts.shop),
		slot: storeSlot(opts.shop),
		productCount: opts.productCount ?? DEMO_PRODUCT_COUNT,
		weightUnit: opts.weightUnit ?? "POUNDS",
	};
}

export function materialise(storage: DurableObjectStorage, opts: StoreOptions): StoreState {
	const profile = defaultProfile(opts);
	const info = shopInfoFor(profile, { name: opts.name, currencyCode: opts.currencyCode });
	const collections = generateCollections(profile.slot);
	storage.transactionSync(() => {
		const sql = storage.sql;
		for (const c of collections)
			sql.exec("INSERT OR REPLACE INTO collections (id, title, handle) VALUES (?, ?, ?)", c.id, c.title, c.handle);
		for (let i = 0; i < profile.productCount; i++) saveProduct(sql, generateProduct(profile, i));
		writeMeta(sql, "nextIndex", profile.productCount);
		writeMeta(sql, "info", info);
		writeMeta(sql, "profile", profile);
	});
	return { profile, info, collections };
}

export function loadState(sql: SqlStorage): StoreState | null {
	const profile = readMeta<StoreProfile>(sql, "profile");
	const info = readMeta<ShopInfo>(sql, "info");
	if (!profile || !info) return null;
	const collections = sql.exec<SandboxCollection>("SELECT id, title, handle FROM collections ORDER BY id").toArray();
	return { profile, info, collections };
}

export function nextProductIndex(sql: SqlStorage): number {
	const index = readMeta<number>(sql, "nextIndex") ?? 0;
	writeMeta(sql, "nextIndex", index + 1);
	return index;
}
