/**
 * The first half of `sync.product`: take the product (shop, lease,
 * connection), build its listing (template or manual form, category, hosted
 * images). It ends in a listing ready to create, or in the job's outcome with
 * the product row already settled.
 */
import { and, eq } from "drizzle-orm";
import { type CatalogProduct, getProductWithVariants } from "../../catalog";
import { loadCategorySpec } from "../../categories";
import type { Db } from "../../db/client";
import { type ProductSync, syncRuns } from "../../db/schema";
import { findShop } from "../../shops";
import { buildListing, type Listing, listingImageSources } from "../../listing";
import type { CategorySpec } from "../../tiktok";
import { backoffMs, done, type JobContext, type JobOutcome, type QueueMessageOf, retryIn } from "../../jobs";
import { getTemplate, TemplateConfig } from "../../templates";
import type { TikTokPort } from "../../tiktok";
import { fromProblems } from "../failure";
import { hostedLookup, hostImages } from "../images";
import { lease, markFailed, markUnlisted, markWaitingForQuota, requeue } from "../product-sync-repo";
import { isQuotaPaused } from "../quota";
import { type Attempt, leased, settleFailure } from "./sync-attempt";

type Effective = { categoryId: string | null; config: TemplateConfig; templateId: string | null; version: number | null };
export type Ready = {
	kind: "ready";
	a: Attempt;
	port: TikTokPort;
	product: CatalogProduct;
	listing: Listing;
	template: Pick<Effective, "templateId" | "version">;
};
type Stop = { kind: "stop"; outcome: JobOutcome };
const stop = (outcome: JobOutcome): Stop => ({ kind: "stop", outcome });

/** What to sync with: a manual sync's submitted form, else the template the product was queued under. */
export async function effectiveConfig(db: Db, shopId: string, row: ProductSync): Promise<Effective | null> {
	if (row.runId) {
		const run = await db.query.syncRuns.findFirst({ where: and(eq(syncRuns.shopId, shopId), eq(syncRuns.id, row.runId)) });
		if (run?.overrides) {
			const form = JSON.parse(run.overrides) as { categoryId: string | null; config: unknown };
			return { categoryId: form.categoryId, config: TemplateConfig.parse(form.config), templateId: run.templateId, version: null };
		}
	}
	if (!row.templateId) return null;
	const template = await getTemplate(db, shopId, row.templateId);
	return template
		? { categoryId: template.row.categoryId, config: template.config, templateId: template.row.id, version: template.row.version }
		: null;
}

/** The shop is installed, the product leased, TikTok connected. */
async function take(
	message: QueueMessageOf<"sync.product">,
	ctx: JobContext,
): Promise<{ kind: "taken"; a: Attempt; port: TikTokPort } | Stop> {
	const shop = await findShop(ctx.db, message.shopId);
	if (!shop || shop.uninstalledAt) return stop(done);
	const taken = await lease(ctx.db, message.shopId, message.productId, message.generation);
	if (taken.kind === "busy") return stop(retryIn(taken.retryInMs, "leased by another delivery"));
	if (taken.kind === "gone") return stop(done);
	const a: Attempt = { db: ctx.db, shop, row: taken.row, token: taken.token, attempts: ctx.attempts };
	const connection = await ctx.tiktok(shop.id);
	if (connection.ok) return { kind: "taken", a, port: connection.port };
	if (connection.transient) {
		await requeue(leased(a));
		return stop(retryIn(backoffMs(a.attempts), connection.reason));
	}
	await markFailed(leased(a), {
		lastErrorCode: "NOT_CONNECTED",
		lastErrorMessage: connection.message,
		lastErrorFix: "Connect your TikTok Shop in Settings, then press Re-sync.",
		lastRequestId: null,
	});
	return stop(done);
}

async function build(a: Attempt, port: TikTokPort): Promise<Ready | Stop> {
	const { db, shop } = a;
	const product = await getProductWithVariants(db, shop.id, a.row.productId);
	const effective = await effectiveConfig(db, shop.id, a.row);
	if (!product || !effective) {
		// Deleted product or deleted template: nothing to list; it shows as Not synced again.
		await markUnlisted(leased(a));
		return stop(done);
	}
	let category: CategorySpec | null = null;
	if (effective.categoryId) {
		const spec = await loadCategorySpec(db, port, shop.id, shop.tiktokRegion, effective.categoryId);
		if (!spec.ok) return stop(await settleFailure(a, spec.failure));
		category = spec.value;
	}
	const images = await hostImages(db, shop.id, await listingImageSources(product, effective.config), port);
	if (!images.ok) return stop(await settleFailure(a, images.failure));
	const built = await buildListing({
		product,
		config: effective.config,
		category,
		shop: { region: shop.tiktokRegion ?? "US", currency: shop.currency ?? "USD", warehouseId: shop.tiktokWarehouseId },
		hosted: hostedLookup(images.hosted),
	});
	if (built.ok) return { kind: "ready", a, port, product, listing: built.listing, template: effective };
	await markFailed(leased(a), { ...fromProblems(built.problems), createInFlightKey: null });
	return stop(done);
}

/**
 * The quota pause is considered only once the listing is built: a product that
 * cannot be listed at all (sold out, no price, …) fails for its own reason at
 * once instead of waiting for a quota it would never use.
 */
export async function prepare(message: QueueMessageOf<"sync.product">, ctx: JobContext): Promise<Ready | Stop> {
	const taken = await take(message, ctx);
	if (taken.kind !== "taken") return taken;
	const built = await build(taken.a, taken.port);
	if (built.kind === "ready" && isQuotaPaused(built.a.shop)) {
		await markWaitingForQuota(leased(built.a));
		return stop(done);
	}
	return built;
}
