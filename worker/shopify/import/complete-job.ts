/**
 * The `product.complete` job: a product with more than 100 variants arrives cut
 * (webhook payloads and the import's nested `variants(first: 100)`), so its
 * variants are paged through `product(id) { variants(first, after) }` and the
 * whole product is upserted with `variantsIncomplete: false`. Idempotent: it
 * re-reads everything; the repository reports no change when nothing changed.
 * A THROTTLED page retries the whole message after the bucket's wait.
 *
 * It is also how a product created in Shopify after install first lands
 * (products/create of a product the shop does not have, product-upsert.ts), and
 * that path is order-safe for weight: since API 2024-07 the webhook carries no
 * weight, but the product is never stored from it. Its first row (and its
 * product_sync row) is written here, from `product(id)` with each variant's
 * `inventoryItem.measurement.weight`, and `product.changed` is sent only after
 * that write committed. Everything that judges or queues a product starts from
 * the stored rows (product.changed finds no sync row before, activation's
 * fan-out selects stored products), so whatever order the queue delivers the
 * messages in, no product is judged before its weight was read; a redelivered
 * create re-reads. An inventory_items/update delivered before this write finds
 * no variant and is ignored: the read sees its weight unless the change fell
 * between the read and this write (one job's window; the next change heals it).
 * @see https://shopify.dev/docs/api/admin-graphql/latest/objects/Product#connection-variants
 */
import { z } from "zod";
import { upsertProduct } from "../../catalog";
import { backoffMs, done, failed, type JobContext, type JobOutcome, type QueueMessageOf, retryIn } from "../../jobs";
import { type GraphqlResult, waitForCostMs } from "../admin/graphql";
import { COMPLETION_VARIANTS_PAGE, PRODUCT_BY_ID, PRODUCT_VARIANTS_PAGE } from "../admin/queries";
import { forgetShopifyToken } from "../../shops";
import { shopifyForShop } from "../for-shop";
import { GraphqlProduct, type GraphqlVariant, productFromGraphql, VariantConnection } from "../normalize/graphql-product";
import { toGid } from "../normalize/ids";

/** Shopify allows 2,048 variants per product: ⌈2048 / 250⌉ pages after the first 100, plus slack. */
const MAX_VARIANT_PAGES = 10;

const ProductAnswer = z.object({ product: GraphqlProduct.nullable() });
const VariantsAnswer = z.object({ product: z.object({ variants: VariantConnection }).nullable() });

async function notOk(res: Exclude<GraphqlResult<unknown>, { ok: true }>, ctx: JobContext, shopId: string): Promise<JobOutcome> {
	if (res.reason === "throttled") return retryIn(res.retryAfterMs, "Shopify THROTTLED");
	if (res.reason === "unavailable") return retryIn(backoffMs(ctx.attempts), `Shopify unavailable (${res.status})`);
	if (res.reason === "unauthorized") {
		await forgetShopifyToken(ctx.db, shopId, Date.now());
		return failed({ code: "SHOPIFY_REFUSED", message: "Shopify refused the access token." });
	}
	return failed({ code: "SHOPIFY_REFUSED", message: res.messages.join("; ") });
}

export async function runProductComplete(message: QueueMessageOf<"product.complete">, ctx: JobContext): Promise<JobOutcome> {
	const { shopId, productId } = message;
	const shopify = await shopifyForShop(ctx.env, ctx.db, shopId);
	// No installation, no credentials: nothing to complete (the shop was uninstalled meanwhile).
	if (!shopify.ok) return shopify.reason === "refresh_unavailable" ? retryIn(backoffMs(ctx.attempts), "token refresh unavailable") : done;
	const gid = toGid("Product", productId);

	const first = await shopify.graphql<unknown>(PRODUCT_BY_ID, { id: gid });
	if (!first.ok) return notOk(first, ctx, shopId);
	const parsed = ProductAnswer.safeParse(first.data);
	if (!parsed.success) return failed({ code: "SHOPIFY_SHAPE", message: "Shopify answered product(id) with an unexpected shape." });
	const node = parsed.data.product;
	if (!node) return done; // Deleted in Shopify; products/delete does the rest.

	const variants: GraphqlVariant[] = [...node.variants.nodes];
	let pageInfo = node.variants.pageInfo;
	let cost = first.cost;
	for (let page = 0; pageInfo.hasNextPage && pageInfo.endCursor; page++) {
		if (page >= MAX_VARIANT_PAGES)
			return failed({ code: "TOO_MANY_VARIANTS", message: `Product ${productId} has more variants than Shopify allows.` });
		const wait = waitForCostMs(cost?.throttleStatus, 1 + COMPLETION_VARIANTS_PAGE);
		if (wait > 0) return retryIn(wait, "waiting for Shopify's query-cost bucket");
		const res = await shopify.graphql<unknown>(PRODUCT_VARIANTS_PAGE, {
			id: gid,
			first: COMPLETION_VARIANTS_PAGE,
			after: pageInfo.endCursor,
		});
		if (!res.ok) return notOk(res, ctx, shopId);
		const more = VariantsAnswer.safeParse(res.data);
		if (!more.success || !more.data.product) return retryIn(backoffMs(ctx.attempts), "product vanished while paging its variants");
		variants.push(...more.data.product.variants.nodes);
		pageInfo = more.data.product.variants.pageInfo;
		cost = res.cost;
	}

	const product = { ...productFromGraphql({ ...node, variants: { pageInfo, nodes: variants } }), variantsIncomplete: false };
	const result = await upsertProduct(ctx.db, shopId, product, Date.now());
	if (result.changed || (message.announce && !result.stale))
		await ctx.env.SYNC_QUEUE.send({ type: "product.changed", shopId, productId, reason: "variants completed" });
	return done;
}
