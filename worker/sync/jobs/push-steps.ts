/**
 * The pushes to a listed product, one per aspect: variants joining or leaving
 * the listing, prices, inventory, content, and deactivation. Each sends only what changed (or what the merchant forced)
 * and returns its changes for the product row, or the message's outcome when
 * the call must be retried. A refused push is recorded on the product and the
 * listing on TikTok keeps its previous version.
 */
import type { CatalogProduct } from "../../catalog";
import { loadCategorySpec } from "../../categories";
import type { Db } from "../../db/client";
import type { ProductSync, Shop } from "../../db/schema";
import { buildListing, listingImageSources, type SkuContext } from "../../listing";
import { backoffMs, done, type JobOutcome, type QueueMessageOf, retryIn } from "../../jobs";
import { getTemplate } from "../../templates";
import type { PortFailure, PortResult, TikTokPort } from "../../tiktok";
import { clearedFailure, fromProblems, fromTikTok } from "../failure";
import type { Fingerprints } from "../fingerprint";
import { hostedLookup, hostImages } from "../images";
import type { recordPush } from "../product-sync-repo";
import { contentPatch, inventoryFor, pricesFor, skuMap } from "../push";
import { storedWarnings } from "../warnings";
import { adoptExisting, mapAfter, planVariants, skusBody, type VariantPlan } from "../variants";
import { effectiveConfig } from "./sync-prepare";

export type Forced = QueueMessageOf<"sync.push">["what"] | null;
export type Target = { db: Db; shop: Shop; row: ProductSync; port: TikTokPort; tiktokId: string; attempts: number; forced: Forced };
export type Push = Target & { product: CatalogProduct; hashes: Fingerprints };
type Changes = Parameters<typeof recordPush>[3];
export type StepResult = { changes: Changes } | { outcome: JobOutcome };

const unchanged: StepResult = { changes: {} };

function retryOf(failure: PortFailure, attempts: number): JobOutcome | null {
	if (failure.kind === "rate_limited") return retryIn(failure.retryAfterMs ?? 1000, "rate limited");
	if (failure.kind === "transient" || failure.kind === "timeout") return retryIn(backoffMs(attempts), failure.kind);
	return null;
}

function settled<T>(result: PortResult<T>, attempts: number, accepted: (value: T) => Changes): StepResult {
	if (result.ok) return { changes: accepted(result.value) };
	const retry = retryOf(result.failure, attempts);
	return retry ? { outcome: retry } : { changes: fromTikTok(result.failure) };
}

/** The category's sales properties, so SKUs sent again carry the same attributes they were listed with. */
async function skuContext(p: Push, warehouseId: string): Promise<SkuContext | StepResult> {
	const effective = await effectiveConfig(p.db, p.shop.id, p.row);
	const spec = effective?.categoryId ? await loadCategorySpec(p.db, p.port, p.shop.id, p.shop.tiktokRegion, effective.categoryId) : null;
	if (spec && !spec.ok) return settled(spec, p.attempts, () => ({}));
	const salesAttributes = (spec?.value?.attributes ?? []).filter((a) => a.type === "SALES_PROPERTY");
	return { region: p.shop.tiktokRegion ?? "US", currency: p.shop.currency ?? "USD", warehouseId, salesAttributes };
}

/** Adds an earlier edit made without us hearing back are taken from TikTok, so a repeated delivery adds a variant once. */
async function withoutDoneAdds(p: Push, plan: VariantPlan): Promise<VariantPlan | StepResult> {
	if (plan.add.length === 0) return plan;
	const remote = await p.port.getProduct(p.tiktokId);
	return remote.ok ? adoptExisting(plan, remote.value.skus) : settled(remote, p.attempts, () => ({}));
}

/**
 * Variants that join the listing (back in stock, or new in Shopify) or leave it
 * (deleted in Shopify): one partial edit of the whole `skus` property, whatever
 * the content setting, and the variant -> SKU map from TikTok's answer.
 */
export async function pushVariants(p: Push): Promise<StepResult> {
	const warehouseId = p.shop.tiktokWarehouseId;
	// A linked listing's SKUs are the merchant's, made on TikTok: variants are not added or removed there.
	if (p.row.syncState === "linked") return unchanged;
	const wanted = warehouseId ? planVariants(p.product, skuMap(p.row), p.shop.tiktokRegion ?? "US") : null;
	if (!wanted || !warehouseId) return unchanged;
	const plan = await withoutDoneAdds(p, wanted);
	if (!("keep" in plan)) return plan;
	if (plan.add.length === 0 && plan.remove.length === 0) {
		return {
			changes: {
				tiktokSkus: JSON.stringify(
					mapAfter(
						plan,
						plan.keep.map((k) => ({ id: k.skuId, sellerSku: k.sellerSku })),
					),
				),
			},
		};
	}
	const ctx = await skuContext(p, warehouseId);
	if (!("region" in ctx)) return ctx;
	const edit = await p.port.partialEdit(p.tiktokId, { skus: skusBody(p.product, plan, ctx) });
	return settled(edit, p.attempts, ({ auditing, skus, warnings }) => ({
		...clearedFailure,
		tiktokSkus: JSON.stringify(mapAfter(plan, skus)),
		warnings: storedWarnings(warnings),
		...(auditing ? { reviewState: "in_review" } : {}),
	}));
}

export async function pushPrices(p: Push): Promise<StepResult> {
	if (p.hashes.priceHash === p.row.priceHash && p.forced !== "price") return unchanged;
	const prices = pricesFor(p.product, skuMap(p.row), p.shop.currency ?? "USD", p.shop.tiktokRegion ?? "US");
	return settled(await p.port.updatePrices(p.tiktokId, prices), p.attempts, () => ({ priceHash: p.hashes.priceHash }));
}

export async function pushInventory(p: Push): Promise<StepResult> {
	const warehouseId = p.shop.tiktokWarehouseId;
	if ((p.hashes.inventoryHash === p.row.inventoryHash && p.forced !== "inventory") || !warehouseId) return unchanged;
	const inventory = inventoryFor(p.product, skuMap(p.row), warehouseId);
	return settled(await p.port.updateInventory(p.tiktokId, inventory), p.attempts, () => ({ inventoryHash: p.hashes.inventoryHash }));
}

/** Content goes through partial edit (re-audited), only when the shop pushes content edits or the merchant asked. */
export async function pushContent(p: Push): Promise<StepResult> {
	const wanted = (p.hashes.contentHash !== p.row.contentHash && p.shop.pushContentEdits) || p.forced === "content";
	// A linked listing's content is the merchant's, made on TikTok: only price and stock are kept in agreement.
	if (!wanted || !p.row.templateId || p.row.syncState === "linked") return unchanged;
	const template = await getTemplate(p.db, p.shop.id, p.row.templateId);
	const spec = template?.row.categoryId
		? await loadCategorySpec(p.db, p.port, p.shop.id, p.shop.tiktokRegion, template.row.categoryId)
		: null;
	if (!template || !spec?.ok) return unchanged;
	const images = await hostImages(p.db, p.shop.id, await listingImageSources(p.product, template.config), p.port);
	if (!images.ok) return { outcome: retryOf(images.failure, p.attempts) ?? done };
	const built = await buildListing({
		product: p.product,
		config: template.config,
		category: spec.value,
		shop: { region: p.shop.tiktokRegion ?? "US", currency: p.shop.currency ?? "USD", warehouseId: p.shop.tiktokWarehouseId },
		hosted: hostedLookup(images.hosted),
	});
	if (!built.ok) return { changes: fromProblems(built.problems) };
	const edit = await p.port.partialEdit(p.tiktokId, contentPatch(built.listing.body));
	return settled(edit, p.attempts, ({ auditing, warnings }) => ({
		...clearedFailure,
		contentHash: p.hashes.contentHash,
		warnings: storedWarnings(warnings),
		...(auditing ? { reviewState: "in_review" } : {}),
	}));
}

/** An archived, draft or deleted Shopify product is deactivated on TikTok (once, unless forced). */
export async function deactivate(t: Target): Promise<StepResult> {
	if ((t.row.reviewState === "deactivated" || t.row.reviewState === "deleted") && t.forced !== "deactivate") return unchanged;
	const result = await t.port.deactivate([t.tiktokId]);
	if (result.ok) return { changes: { reviewState: "deactivated" } };
	const retry = retryOf(result.failure, t.attempts);
	return retry ? { outcome: retry } : unchanged;
}
